// A loaded theme: a complete map from every role to a style.
namespace Godel.Config.Themes;

/// <summary>Foreground, background and text attributes for one role.</summary>
public sealed record ThemeStyle(ThemeColor Foreground, ThemeColor Background, bool Bold = false, bool Italic = false,
    bool Underline = false, bool Reverse = false, bool Dim = false)
{
    public static ThemeStyle Plain { get; } = new(ThemeColor.Default, ThemeColor.Default);
}

/// <summary>A theme with a style for every <see cref="ThemeRole"/> (the loader guarantees completeness).</summary>
public sealed record Theme(string Name, IReadOnlyDictionary<ThemeRole, ThemeStyle> Styles)
{
    public ThemeStyle this[ThemeRole role] => Styles.TryGetValue(role, out var style) ? style : ThemeStyle.Plain;

    /// <summary>True when every colour is one of the 16 ANSI colours or the default (safe on any terminal).</summary>
    public bool IsAnsi16 => Styles.Values.All(s => s.Foreground.IsAnsi16 && s.Background.IsAnsi16);
}
