// The encoders fed with the modes Godel's emulator records when a child sets them (DECCKM, DECKPAM, 1002/1006, 2004, 1004).
using System.Text;
using Godel.Terminal.Input;

namespace Godel.Terminal.Tests.Input;

public sealed class EncodersFollowEmulatorModesTests
{
    private static TerminalEmulator After(string output)
    {
        var t = new TerminalEmulator(new TerminalOptions { Columns = 80, Rows = 24 });
        t.Feed(Encoding.UTF8.GetBytes(output));
        return t;
    }

    private static string Key(TerminalEmulator t, KeyInput key) => Encoding.ASCII.GetString(KeyEncoder.Encode(key, t.Modes));

    [Fact]
    public void Cursor_keys_switch_with_DECCKM_set_and_reset_by_the_child()
    {
        var t = After("\u001b[?1h");
        Assert.Equal("\u001bOA", Key(t, KeyInput.Key(KeyCode.Up)));
        t.Feed("\u001b[?1l"u8);
        Assert.Equal("\u001b[A", Key(t, KeyInput.Key(KeyCode.Up)));
    }

    [Fact]
    public void Keypad_switches_with_DECKPAM_and_DECKPNM()
    {
        var t = After("\u001b=");
        Assert.Equal("\u001bOM", Key(t, KeyInput.Key(KeyCode.KeypadEnter)));
        t.Feed("\u001b>"u8);
        Assert.Equal("\r", Key(t, KeyInput.Key(KeyCode.KeypadEnter)));
    }

    [Fact]
    public void Mouse_reports_follow_the_tracking_and_encoding_the_child_chose()
    {
        var drag = new MouseInput(MouseEventKind.Motion, MouseButton.Left, 9, 4);
        var t = After("");
        Assert.Empty(MouseEncoder.Encode(drag, t.Modes));
        t.Feed("\u001b[?1002h\u001b[?1006h"u8);
        Assert.Equal("\u001b[<32;10;5M", Encoding.ASCII.GetString(MouseEncoder.Encode(drag, t.Modes)));
        t.Feed("\u001b[?1006l"u8);
        Assert.Equal(new byte[] { 0x1b, (byte)'[', (byte)'M', 32 + 32, 32 + 10, 32 + 5 }, MouseEncoder.Encode(drag, t.Modes));
    }

    [Fact]
    public void Paste_and_focus_follow_2004_and_1004()
    {
        var t = After("\u001b[?2004h\u001b[?1004h");
        Assert.Equal("\u001b[200~x\u001b[201~", Encoding.UTF8.GetString(PasteEncoder.Encode("x", t.Modes)));
        Assert.Equal("\u001b[I", Encoding.ASCII.GetString(FocusEncoder.Encode(true, t.Modes)));
        t.Feed("\u001b[?2004l\u001b[?1004l"u8);
        Assert.Equal("x", Encoding.UTF8.GetString(PasteEncoder.Encode("x", t.Modes)));
        Assert.Empty(FocusEncoder.Encode(true, t.Modes));
    }
}
