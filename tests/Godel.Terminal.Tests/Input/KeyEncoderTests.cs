// Key encoding checked against the byte sequences listed in xterm's ctlseqs ("PC-Style Function Keys").
using System.Text;
using Godel.Terminal.Input;

namespace Godel.Terminal.Tests.Input;

public sealed class KeyEncoderTests
{
    private static readonly TerminalModes Normal = new();
    private static readonly TerminalModes AppCursor = new() { ApplicationCursorKeys = true };
    private static readonly TerminalModes AppKeypad = new() { ApplicationKeypad = true };

    private static string Enc(KeyInput key, TerminalModes? modes = null) =>
        Encoding.UTF8.GetString(KeyEncoder.Encode(key, modes ?? Normal));

    [Theory]
    [InlineData(KeyCode.Up, "\u001b[A", "\u001bOA")]
    [InlineData(KeyCode.Down, "\u001b[B", "\u001bOB")]
    [InlineData(KeyCode.Right, "\u001b[C", "\u001bOC")]
    [InlineData(KeyCode.Left, "\u001b[D", "\u001bOD")]
    [InlineData(KeyCode.Home, "\u001b[H", "\u001bOH")]
    [InlineData(KeyCode.End, "\u001b[F", "\u001bOF")]
    public void Cursor_keys_follow_DECCKM(KeyCode code, string normal, string application)
    {
        Assert.Equal(normal, Enc(KeyInput.Key(code)));
        Assert.Equal(application, Enc(KeyInput.Key(code), AppCursor));
    }

    [Theory]
    [InlineData(KeyModifiers.Shift, "\u001b[1;2A")]
    [InlineData(KeyModifiers.Alt, "\u001b[1;3A")]
    [InlineData(KeyModifiers.Shift | KeyModifiers.Alt, "\u001b[1;4A")]
    [InlineData(KeyModifiers.Ctrl, "\u001b[1;5A")]
    [InlineData(KeyModifiers.Ctrl | KeyModifiers.Shift, "\u001b[1;6A")]
    [InlineData(KeyModifiers.Ctrl | KeyModifiers.Alt, "\u001b[1;7A")]
    [InlineData(KeyModifiers.Ctrl | KeyModifiers.Alt | KeyModifiers.Shift, "\u001b[1;8A")]
    public void Modified_arrows_carry_the_modifier_parameter_even_in_application_mode(KeyModifiers mods, string expected)
    {
        Assert.Equal(expected, Enc(KeyInput.Key(KeyCode.Up, mods)));
        Assert.Equal(expected, Enc(KeyInput.Key(KeyCode.Up, mods), AppCursor));
    }

    [Theory]
    [InlineData(KeyCode.Insert, "\u001b[2~")]
    [InlineData(KeyCode.Delete, "\u001b[3~")]
    [InlineData(KeyCode.PageUp, "\u001b[5~")]
    [InlineData(KeyCode.PageDown, "\u001b[6~")]
    [InlineData(KeyCode.F1, "\u001bOP")]
    [InlineData(KeyCode.F2, "\u001bOQ")]
    [InlineData(KeyCode.F3, "\u001bOR")]
    [InlineData(KeyCode.F4, "\u001bOS")]
    [InlineData(KeyCode.F5, "\u001b[15~")]
    [InlineData(KeyCode.F6, "\u001b[17~")]
    [InlineData(KeyCode.F7, "\u001b[18~")]
    [InlineData(KeyCode.F8, "\u001b[19~")]
    [InlineData(KeyCode.F9, "\u001b[20~")]
    [InlineData(KeyCode.F10, "\u001b[21~")]
    [InlineData(KeyCode.F11, "\u001b[23~")]
    [InlineData(KeyCode.F12, "\u001b[24~")]
    public void Editing_and_function_keys(KeyCode code, string expected) => Assert.Equal(expected, Enc(KeyInput.Key(code)));

    [Theory]
    [InlineData(KeyCode.F1, KeyModifiers.Shift, "\u001b[1;2P")]
    [InlineData(KeyCode.F4, KeyModifiers.Ctrl, "\u001b[1;5S")]
    [InlineData(KeyCode.F5, KeyModifiers.Ctrl, "\u001b[15;5~")]
    [InlineData(KeyCode.F12, KeyModifiers.Shift | KeyModifiers.Alt, "\u001b[24;4~")]
    [InlineData(KeyCode.Delete, KeyModifiers.Ctrl, "\u001b[3;5~")]
    [InlineData(KeyCode.PageDown, KeyModifiers.Shift, "\u001b[6;2~")]
    [InlineData(KeyCode.End, KeyModifiers.Ctrl, "\u001b[1;5F")]
    public void Modified_function_keys(KeyCode code, KeyModifiers mods, string expected) =>
        Assert.Equal(expected, Enc(KeyInput.Key(code, mods)));

    [Theory]
    [InlineData("a", "\u0001")]
    [InlineData("c", "\u0003")]
    [InlineData("z", "\u001a")]
    [InlineData("C", "\u0003")]
    [InlineData("@", "\0")]
    [InlineData(" ", "\0")]
    [InlineData("[", "\u001b")]
    [InlineData("\\", "\u001c")]
    [InlineData("]", "\u001d")]
    [InlineData("^", "\u001e")]
    [InlineData("_", "\u001f")]
    [InlineData("?", "\u007f")]
    [InlineData("2", "\0")]
    [InlineData("8", "\u007f")]
    public void Ctrl_turns_characters_into_C0_controls(string ch, string expected) =>
        Assert.Equal(expected, Enc(KeyInput.Character(ch, KeyModifiers.Ctrl)));

    [Fact]
    public void Ctrl_leaves_characters_without_a_control_form_alone() =>
        Assert.Equal("1", Enc(KeyInput.Character("1", KeyModifiers.Ctrl)));

    [Fact]
    public void Alt_prefixes_ESC()
    {
        Assert.Equal("\u001bx", Enc(KeyInput.Character("x", KeyModifiers.Alt)));
        Assert.Equal("\u001b\u0018", Enc(KeyInput.Character("x", KeyModifiers.Alt | KeyModifiers.Ctrl)));
        Assert.Equal("\u001b\r", Enc(KeyInput.Key(KeyCode.Enter, KeyModifiers.Alt)));
        Assert.Equal("\u001b\u007f", Enc(KeyInput.Key(KeyCode.Backspace, KeyModifiers.Alt)));
    }

    [Fact]
    public void Plain_keys()
    {
        Assert.Equal("\r", Enc(KeyInput.Key(KeyCode.Enter)));
        Assert.Equal("\t", Enc(KeyInput.Key(KeyCode.Tab)));
        Assert.Equal("\u001b[Z", Enc(KeyInput.Key(KeyCode.Tab, KeyModifiers.Shift)));
        Assert.Equal("\u007f", Enc(KeyInput.Key(KeyCode.Backspace)));
        Assert.Equal("\b", Enc(KeyInput.Key(KeyCode.Backspace, KeyModifiers.Ctrl)));
        Assert.Equal("\u001b", Enc(KeyInput.Key(KeyCode.Escape)));
    }

    [Fact]
    public void Non_ASCII_characters_are_sent_as_UTF8()
    {
        Assert.Equal([0xc3, 0xa9], KeyEncoder.Encode(KeyInput.Character("é"), Normal));
        Assert.Equal([0xe4, 0xb8, 0x96], KeyEncoder.Encode(KeyInput.Character("世"), Normal));
        Assert.Equal([0xf0, 0x9f, 0x98, 0x80], KeyEncoder.Encode(KeyInput.Character("😀"), Normal));
    }

    [Theory]
    [InlineData(KeyCode.Keypad0, "0", "\u001bOp")]
    [InlineData(KeyCode.Keypad5, "5", "\u001bOu")]
    [InlineData(KeyCode.Keypad9, "9", "\u001bOy")]
    [InlineData(KeyCode.KeypadDecimal, ".", "\u001bOn")]
    [InlineData(KeyCode.KeypadDivide, "/", "\u001bOo")]
    [InlineData(KeyCode.KeypadMultiply, "*", "\u001bOj")]
    [InlineData(KeyCode.KeypadSubtract, "-", "\u001bOm")]
    [InlineData(KeyCode.KeypadAdd, "+", "\u001bOk")]
    [InlineData(KeyCode.KeypadEnter, "\r", "\u001bOM")]
    [InlineData(KeyCode.KeypadEquals, "=", "\u001bOX")]
    public void Keypad_follows_DECKPAM(KeyCode code, string numeric, string application)
    {
        Assert.Equal(numeric, Enc(KeyInput.Key(code)));
        Assert.Equal(application, Enc(KeyInput.Key(code), AppKeypad));
    }

    [Fact]
    public void Empty_character_sends_nothing() => Assert.Empty(KeyEncoder.Encode(KeyInput.Character(""), Normal));
}
