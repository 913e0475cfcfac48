// The text form of a key chord in config (`Ctrl+G`, `Alt+Shift+Left`, `F5`): parsed and validated here, shared with the TUI.
namespace Godel.Config.Validation;

/// <summary>A key with modifiers, e.g. `Ctrl+G`. <see cref="Key"/> is a single character or a named key.</summary>
public sealed record KeyChord(bool Ctrl, bool Alt, bool Shift, string Key)
{
    /// <summary>Named keys accepted besides single printable characters.</summary>
    public static IReadOnlyList<string> NamedKeys { get; } =
    [
        "Enter", "Tab", "Esc", "Space", "Backspace", "Delete", "Insert", "Home", "End", "PageUp", "PageDown",
        "Up", "Down", "Left", "Right", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
    ];

    /// <summary>Parses `Ctrl+Alt+X`; returns an error text when the chord is malformed.</summary>
    public static bool TryParse(string text, out KeyChord? chord, out string error)
    {
        chord = null;
        error = "";
        // A trailing `+` is the plus key itself (`Ctrl++`).
        var parts = text.EndsWith("++", StringComparison.Ordinal)
            ? [.. text[..^2].Split('+'), "+"]
            : text.Split('+');
        bool ctrl = false, alt = false, shift = false;
        foreach (var modifier in parts[..^1])
        {
            switch (modifier.ToLowerInvariant())
            {
                case "ctrl" or "control": ctrl = true; break;
                case "alt" or "meta": alt = true; break;
                case "shift": shift = true; break;
                default:
                    error = $"'{modifier}' is not a modifier (use Ctrl, Alt or Shift)";
                    return false;
            }
        }

        var key = parts[^1];
        var named = NamedKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        if (named is null && !(key.Length == 1 && !char.IsControl(key[0]) && key[0] != ' '))
        {
            error = key.Length == 0
                ? "the key is missing after the last '+'"
                : $"'{key}' is not a key: use one character or one of {string.Join(", ", NamedKeys.Take(15))}, F1-F12";
            return false;
        }

        chord = new KeyChord(ctrl, alt, shift, named ?? key);
        return true;
    }

    public override string ToString() =>
        string.Concat(Ctrl ? "Ctrl+" : "", Alt ? "Alt+" : "", Shift ? "Shift+" : "", Key);
}
