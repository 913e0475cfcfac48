// Modes the child sets, the replies it waits for, and OSC titles, links, clipboard and notifications.
using System.Text;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class ModesAndRepliesTests
{
    private static List<string> Replies(string input)
    {
        var events = new RecordingEvents();
        var t = Term.Create(20, 5, events);
        t.Feed(input);
        return events.Replies;
    }

    [Theory]
    [InlineData("\e[c", "\e[?62;22c")]
    [InlineData("\e[0c", "\e[?62;22c")]
    [InlineData("\e[>c", "\e[>1;10;0c")]
    [InlineData("\e[5n", "\e[0n")]
    [InlineData("\e[3;7H\e[6n", "\e[3;7R")]
    [InlineData("\e[3;7H\e[?6n", "\e[?3;7R")]
    [InlineData("\e[>q", "\eP>|Godel 0.1\e\\")]
    [InlineData("\e[?2004h\e[?2004$p", "\e[?2004;1$y")]
    [InlineData("\e[?2026$p", "\e[?2026;2$y")]
    [InlineData("\e[?1049h\e[?1049$p", "\e[?1049;1$y")]
    [InlineData("\e[?9999$p", "\e[?9999;0$y")]
    [InlineData("\e[4h\e[4$p", "\e[4;1$y")]
    [InlineData("\e]10;?\a", "\e]10;rgb:d0d0/d0d0/d0d0\a")]
    [InlineData("\e]11;?\e\\", "\e]11;rgb:0000/0000/0000\e\\")]
    public void Queries_get_replies(string input, string reply) => Assert.Equal([reply], Replies(input));

    [Fact]
    public void Cursor_report_after_pending_wrap_reports_the_last_column()
    {
        Assert.Equal(["\e[1;20R"], Replies(new string('x', 20) + "\e[6n"));
    }

    [Fact]
    public void Input_modes_are_tracked()
    {
        var t = Term.Create();
        Assert.Equal(new TerminalModes(), t.Modes);
        t.Feed("\e[?1h\e=\e[?2004h\e[?1004h\e[?1002h\e[?1006h\e[?25l\e[?1049h");
        var m = t.Modes;
        Assert.True(m.ApplicationCursorKeys);
        Assert.True(m.ApplicationKeypad);
        Assert.True(m.BracketedPaste);
        Assert.True(m.FocusEvents);
        Assert.Equal(MouseTracking.ButtonEvent, m.MouseTracking);
        Assert.True(m.SgrMouse);
        Assert.False(m.CursorVisible);
        Assert.True(m.AlternateScreen);
        t.Feed("\e[?1l\e>\e[?2004l\e[?1004l\e[?1002l\e[?1006l\e[?25h\e[?1049l");
        Assert.Equal(new TerminalModes(), t.Modes);
    }

    [Fact]
    public void Mouse_modes_replace_each_other()
    {
        var t = Term.Create();
        t.Feed("\e[?1000h");
        Assert.Equal(MouseTracking.Normal, t.Modes.MouseTracking);
        t.Feed("\e[?1003h");
        Assert.Equal(MouseTracking.AnyEvent, t.Modes.MouseTracking);
        t.Feed("\e[?1003l");
        Assert.Equal(MouseTracking.Off, t.Modes.MouseTracking);
    }

    [Fact]
    public void Synchronized_output_is_exposed()
    {
        var t = Term.Create();
        t.Feed("\e[?2026h");
        Assert.True(t.SynchronizedOutput);
        t.Feed("\e[?2026l");
        Assert.False(t.SynchronizedOutput);
    }

    [Fact]
    public void Cursor_style_is_tracked()
    {
        var t = Term.Create();
        t.Feed("\e[5 q");
        Assert.Equal(CursorStyle.BlinkingBar, t.Screen.CursorStyle);
        t.Feed("\e[0 q");
        Assert.Equal(CursorStyle.Default, t.Screen.CursorStyle);
    }

    [Fact]
    public void Titles_from_osc_0_and_2()
    {
        var events = new RecordingEvents();
        var t = Term.Create(events: events);
        t.Feed("\e]0;one\a\e]2;twö\e\\");
        Assert.Equal("twö", t.Title);
        Assert.Equal(["one", "twö"], events.Titles);
    }

    [Fact]
    public void Bell_and_notifications()
    {
        var events = new RecordingEvents();
        var t = Term.Create(events: events);
        t.Feed("\a\e]9;done\a\e]777;notify;Build;passed\a\e]9;4;1;50\a");
        Assert.Equal(1, events.Bells);
        Assert.Equal([("", "done"), ("Build", "passed")], events.Notifications);
    }

    [Fact]
    public void Clipboard_write_only_when_allowed()
    {
        var denied = new RecordingEvents();
        Term.Create(events: denied).Feed("\e]52;c;aGVsbG8=\a");
        Assert.Empty(denied.Clipboard);

        var allowed = new RecordingEvents();
        Term.Create(events: allowed, clipboard: true).Feed("\e]52;c;aGVsbG8=\a\e]52;c;!!notbase64\a");
        var (selection, data) = Assert.Single(allowed.Clipboard);
        Assert.Equal("c", selection);
        Assert.Equal("hello", Encoding.UTF8.GetString(data));
    }

    [Fact]
    public void Hyperlinks_mark_cells()
    {
        var t = Term.Create();
        t.Feed("a\e]8;id=1;https://example.com\e\\bc\e]8;;\e\\d");
        Assert.Null(t.Screen.GetCell(0, 0).Hyperlink);
        Assert.Equal("https://example.com", t.Screen.GetCell(0, 1).Hyperlink);
        Assert.Equal("https://example.com", t.Screen.GetCell(0, 2).Hyperlink);
        Assert.Null(t.Screen.GetCell(0, 3).Hyperlink);
    }

    [Fact]
    public void Reset_returns_to_a_fresh_terminal()
    {
        var t = Term.Create();
        t.Feed("\e[31mabc\e[?1h\e[2;3r\e]2;x\a\ec");
        Assert.Equal("", t.Text());
        Assert.Equal(new TerminalModes(), t.Modes);
        Assert.Equal("", t.Title);
        Assert.Equal((0, 0), t.Cursor());
    }
}
