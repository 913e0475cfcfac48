// The keys Godel can send to a child: printable characters plus the named keys of a PC keyboard.
namespace Godel.Terminal.Input;

/// <summary>A key on the user's keyboard; <see cref="Char"/> carries its text in <see cref="KeyInput.Text"/>.</summary>
public enum KeyCode
{
    Char,
    Enter,
    Tab,
    Backspace,
    Escape,
    Up,
    Down,
    Right,
    Left,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    Keypad0,
    Keypad1,
    Keypad2,
    Keypad3,
    Keypad4,
    Keypad5,
    Keypad6,
    Keypad7,
    Keypad8,
    Keypad9,
    KeypadDecimal,
    KeypadDivide,
    KeypadMultiply,
    KeypadSubtract,
    KeypadAdd,
    KeypadEnter,
    KeypadEquals,
}

/// <summary>Modifier keys held with a key or mouse event.</summary>
[Flags]
#pragma warning disable CA1714 // "Modifiers" reads better than a plural-of-plural.
public enum KeyModifiers
#pragma warning restore CA1714
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4,
}

/// <summary>One key press: a named key, or a character (already shifted by the keyboard layout), with modifiers.</summary>
public readonly record struct KeyInput(KeyCode Code, KeyModifiers Modifiers = KeyModifiers.None, string Text = "")
{
    /// <summary>A printable character as the layout produced it ("a", "A", "é", "世").</summary>
    public static KeyInput Character(string text, KeyModifiers modifiers = KeyModifiers.None) =>
        new(KeyCode.Char, modifiers, text);

    /// <summary>A named key.</summary>
    public static KeyInput Key(KeyCode code, KeyModifiers modifiers = KeyModifiers.None) => new(code, modifiers);
}
