// A colour as a theme file writes it: the terminal's default, one of the 16 ANSI colours, a 256-palette index or 24-bit RGB.
using System.Globalization;

namespace Godel.Config.Themes;

public enum ThemeColorKind
{
    Default,
    /// <summary><see cref="ThemeColor.Value"/> is 0-255: 0-15 are the ANSI colours, the rest the xterm palette.</summary>
    Indexed,
    /// <summary><see cref="ThemeColor.Value"/> is 0xRRGGBB.</summary>
    Rgb,
}

public readonly record struct ThemeColor(ThemeColorKind Kind, int Value)
{
    /// <summary>The 16 ANSI colour names, in index order.</summary>
    public static IReadOnlyList<string> AnsiNames { get; } =
    [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ];

    public static ThemeColor Default => new(ThemeColorKind.Default, 0);

    public bool IsAnsi16 => Kind == ThemeColorKind.Default || (Kind == ThemeColorKind.Indexed && Value < 16);

    /// <summary>Parses `default`, `red`, `bright_blue`, `#1e1e2e` or `color(123)`.</summary>
    public static bool TryParse(string text, out ThemeColor color)
    {
        color = Default;
        if (text == "default")
        {
            return true;
        }

        var ansi = AnsiNames.ToList().IndexOf(text);
        if (ansi >= 0)
        {
            color = new ThemeColor(ThemeColorKind.Indexed, ansi);
            return true;
        }

        if (text.Length == 7 && text[0] == '#' && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            color = new ThemeColor(ThemeColorKind.Rgb, rgb);
            return true;
        }

        if (text.StartsWith("color(", StringComparison.Ordinal) && text.EndsWith(')')
            && int.TryParse(text.AsSpan(6, text.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= 255)
        {
            color = new ThemeColor(ThemeColorKind.Indexed, index);
            return true;
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        ThemeColorKind.Default => "default",
        ThemeColorKind.Indexed when Value < 16 => AnsiNames[Value],
        ThemeColorKind.Indexed => $"color({Value})",
        _ => $"#{Value:x6}",
    };
}
