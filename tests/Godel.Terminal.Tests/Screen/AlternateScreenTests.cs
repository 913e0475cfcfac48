// The alternate screen modes 47, 1047, 1048 and 1049.
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class AlternateScreenTests
{
    [Fact]
    public void Mode_1049_saves_cursor_clears_and_restores()
    {
        var t = Term.Create(10, 3);
        t.Feed("main\e[?1049h");
        Assert.True(t.Screen.AlternateScreenActive);
        Assert.Equal("", t.Text());
        t.Feed("\e[2;2Halt");
        Assert.Equal("\n alt", t.Text());
        t.Feed("\e[?1049l");
        Assert.Equal("main", t.Text());
        Assert.Equal((0, 4), t.Cursor());
        t.Feed("\e[?1049h");
        Assert.Equal("", t.Text()); // cleared on entry
    }

    [Fact]
    public void Mode_47_keeps_the_alternate_contents()
    {
        var t = Term.Create(10, 3);
        t.Feed("\e[?47hA\e[?47l");
        Assert.Equal("", t.Text());
        t.Feed("\e[?47h");
        Assert.Equal("A", t.Text());
    }

    [Fact]
    public void Mode_1047_clears_the_alternate_screen_on_leaving()
    {
        var t = Term.Create(10, 3);
        t.Feed("\e[?1047hA\e[?1047l\e[?47h");
        Assert.Equal("", t.Text());
    }

    [Fact]
    public void Mode_1048_saves_and_restores_the_cursor()
    {
        var t = Term.Create(10, 3);
        t.Feed("\e[2;3H\e[?1048h\e[H\e[?1048l");
        Assert.Equal((1, 2), t.Cursor());
    }

    [Fact]
    public void Alternate_screen_lines_never_reach_history()
    {
        var t = Term.Create(10, 3);
        t.Feed("\e[?1049h1\r\n2\r\n3\r\n4\r\n5");
        Assert.Equal(0, t.Screen.ScrollbackLineCount);
    }
}
