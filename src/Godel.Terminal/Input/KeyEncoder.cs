// Turns a key press into the bytes xterm would send, honouring DECCKM and the keypad mode.
using System.Text;

namespace Godel.Terminal.Input;

/// <summary>
/// Encodes keys like xterm with its default resources (metaSendsEscape, modifyCursorKeys=2,
/// modifyFunctionKeys=2): see "PC-Style Function Keys" in xterm's ctlseqs.
/// </summary>
public static class KeyEncoder
{
    private const string Csi = "\u001b[";
    private const string Ss3 = "\u001bO";

    /// <summary>The bytes for <paramref name="key"/>; empty when the key produces nothing.</summary>
    public static byte[] Encode(KeyInput key, TerminalModes modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        return Encoding.UTF8.GetBytes(EncodeToString(key, modes));
    }

    /// <summary>The same as <see cref="Encode"/>, as a string of UTF-16 code units.</summary>
    public static string EncodeToString(KeyInput key, TerminalModes modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        return key.Code switch
        {
            KeyCode.Char => CharacterKey(key.Text, key.Modifiers),
            KeyCode.Enter => WithAlt(key.Modifiers, "\r"),
            KeyCode.Tab => (key.Modifiers & KeyModifiers.Shift) != 0 ? Csi + "Z" : WithAlt(key.Modifiers, "\t"),
            // Backspace sends DEL (xterm's backarrowKey default); Ctrl flips it to BS.
            KeyCode.Backspace => WithAlt(key.Modifiers, (key.Modifiers & KeyModifiers.Ctrl) != 0 ? "\b" : "\u007f"),
            KeyCode.Escape => WithAlt(key.Modifiers, "\u001b"),
            >= KeyCode.Up and <= KeyCode.End => CursorKey(key.Code, key.Modifiers, modes.ApplicationCursorKeys),
            >= KeyCode.PageUp and <= KeyCode.Delete => TildeKey(EditingKeyNumber(key.Code), key.Modifiers),
            >= KeyCode.F1 and <= KeyCode.F4 => Ss3FunctionKey((char)('P' + (key.Code - KeyCode.F1)), key.Modifiers),
            >= KeyCode.F5 and <= KeyCode.F12 => TildeKey(FunctionKeyNumber(key.Code), key.Modifiers),
            >= KeyCode.Keypad0 and <= KeyCode.KeypadEquals => KeypadKey(key.Code, key.Modifiers, modes.ApplicationKeypad),
            _ => "",
        };
    }

    /// <summary>xterm's modifier parameter: 1 + (Shift=1, Alt=2, Ctrl=4).</summary>
    private static int ModifierParameter(KeyModifiers modifiers) => 1 + (int)modifiers;

    private static string WithAlt(KeyModifiers modifiers, string text) =>
        (modifiers & KeyModifiers.Alt) != 0 ? "\u001b" + text : text;

    private static string CharacterKey(string text, KeyModifiers modifiers)
    {
        if (text.Length == 0)
        {
            return "";
        }

        if ((modifiers & KeyModifiers.Ctrl) != 0 && text.Length == 1 && ControlCharacter(text[0]) is { } control)
        {
            return WithAlt(modifiers, control.ToString());
        }

        return WithAlt(modifiers, text);
    }

    /// <summary>The C0 code Ctrl turns a character into, as on a VT220/xterm keyboard; null when Ctrl leaves it alone.</summary>
    private static char? ControlCharacter(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)(c - 'a' + 1),
        >= '@' and <= '_' => (char)(c - '@'),
        ' ' or '2' => '\0',
        '3' => '\u001b',
        '4' => '\u001c',
        '5' => '\u001d',
        '6' => '\u001e',
        '7' or '/' => '\u001f',
        '8' or '?' => '\u007f',
        _ => null,
    };

    private static string CursorKey(KeyCode code, KeyModifiers modifiers, bool applicationCursorKeys)
    {
        var final = code switch
        {
            KeyCode.Up => 'A',
            KeyCode.Down => 'B',
            KeyCode.Right => 'C',
            KeyCode.Left => 'D',
            KeyCode.Home => 'H',
            _ => 'F',
        };

        // With modifiers xterm always uses the CSI form, whatever DECCKM says.
        if (modifiers != KeyModifiers.None)
        {
            return $"{Csi}1;{ModifierParameter(modifiers)}{final}";
        }

        return (applicationCursorKeys ? Ss3 : Csi) + final;
    }

    private static string Ss3FunctionKey(char final, KeyModifiers modifiers) =>
        modifiers == KeyModifiers.None ? Ss3 + final : $"{Csi}1;{ModifierParameter(modifiers)}{final}";

    private static string TildeKey(int number, KeyModifiers modifiers) =>
        modifiers == KeyModifiers.None ? $"{Csi}{number}~" : $"{Csi}{number};{ModifierParameter(modifiers)}~";

    private static int EditingKeyNumber(KeyCode code) => code switch
    {
        KeyCode.Insert => 2,
        KeyCode.Delete => 3,
        KeyCode.PageUp => 5,
        _ => 6,
    };

    /// <summary>F5..F12 skip 16 and 22, a VT220 legacy.</summary>
    private static int FunctionKeyNumber(KeyCode code) => code switch
    {
        KeyCode.F5 => 15,
        KeyCode.F6 => 17,
        KeyCode.F7 => 18,
        KeyCode.F8 => 19,
        KeyCode.F9 => 20,
        KeyCode.F10 => 21,
        KeyCode.F11 => 23,
        _ => 24,
    };

    private static string KeypadKey(KeyCode code, KeyModifiers modifiers, bool applicationKeypad)
    {
        var (numeric, application) = code switch
        {
            >= KeyCode.Keypad0 and <= KeyCode.Keypad9 => ((char)('0' + (code - KeyCode.Keypad0)), (char)('p' + (code - KeyCode.Keypad0))),
            KeyCode.KeypadDecimal => ('.', 'n'),
            KeyCode.KeypadDivide => ('/', 'o'),
            KeyCode.KeypadMultiply => ('*', 'j'),
            KeyCode.KeypadSubtract => ('-', 'm'),
            KeyCode.KeypadAdd => ('+', 'k'),
            KeyCode.KeypadEnter => ('\r', 'M'),
            _ => ('=', 'X'),
        };

        if (applicationKeypad && modifiers == KeyModifiers.None)
        {
            return Ss3 + application;
        }

        return numeric == '\r' ? WithAlt(modifiers, "\r") : CharacterKey(numeric.ToString(), modifiers);
    }
}
