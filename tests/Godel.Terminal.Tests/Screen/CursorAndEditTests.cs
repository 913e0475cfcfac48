// Golden screens for cursor motion, erase/insert/delete, tabs, wrapping — expectations written from the VT specs.
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class CursorAndEditTests
{
    [Theory]
    [InlineData("hello\r\nworld", "hello\nworld")]
    [InlineData("ab\bc", "ac")]
    [InlineData("abc\rX", "Xbc")]
    [InlineData("a\nb", "a\n b")] // LF keeps the column
    [InlineData("\e[3;4Hx", "\n\n   x")] // CUP 1-based
    [InlineData("\e[2;3fx", "\n  x")] // HVP
    [InlineData("\e[5Cx\e[2Dy", "    yx")] // CUF, CUB: y lands one left of x
    [InlineData("\e[3Bx\e[2Ay", "\n y\n\nx")] // CUD, CUU
    [InlineData("\e[99;99Hx", "\n\n\n\n                   x")] // clamped to 20x5
    [InlineData("\e[4Gx\e[2`y", " y x")] // CHA, HPA
    [InlineData("\e[3dx", "\n\nx")] // VPA
    [InlineData("\e[2;5Hx\e[Ey", "\n    x\ny")] // CNL
    [InlineData("\e[3;5Hx\e[2Fy", "y\n\n    x")] // CPL
    [InlineData("abc\e[2a\e[Ex", "abc\nx")] // HPR then CNL
    [InlineData("x\e[3by", "xxxxy")] // REP
    public void Cursor_motion(string input, string screen) => Assert.Equal(screen, Term.Run(input));

    [Theory]
    [InlineData("abcdef\e[3G\e[K", "ab")] // EL 0
    [InlineData("abcdef\e[3G\e[1K", "   def")] // EL 1 includes the cursor
    [InlineData("abcdef\e[3G\e[2K", "")] // EL 2
    [InlineData("abcdef\e[2G\e[2X", "a  def")] // ECH
    [InlineData("abcdef\e[2G\e[2P", "adef")] // DCH
    [InlineData("abcdef\e[2G\e[2@", "a  bcdef")] // ICH
    [InlineData("abcdef\e[2G\e[4hXY", "aXYbcdef")] // IRM
    [InlineData("l1\r\nl2\r\nl3\e[2;1H\e[J", "l1")] // ED 0
    [InlineData("l1\r\nl2\r\nl3\e[2;2H\e[1J", "\n\nl3")] // ED 1
    [InlineData("l1\r\nl2\r\nl3\e[2J", "")] // ED 2
    [InlineData("l1\r\nl2\r\nl3\e[2;1H\e[L", "l1\n\nl2\nl3")] // IL
    [InlineData("l1\r\nl2\r\nl3\e[1;1H\e[M", "l2\nl3")] // DL
    [InlineData("l1\r\nl2\r\nl3\e[S", "l2\nl3")] // SU
    [InlineData("l1\r\nl2\r\nl3\e[T", "\nl1\nl2\nl3")] // SD
    [InlineData("\e#8", "EEEEEEEEEEEEEEEEEEEE\nEEEEEEEEEEEEEEEEEEEE\nEEEEEEEEEEEEEEEEEEEE\nEEEEEEEEEEEEEEEEEEEE\nEEEEEEEEEEEEEEEEEEEE")] // DECALN
    public void Erase_insert_delete(string input, string screen) => Assert.Equal(screen, Term.Run(input));

    [Theory]
    [InlineData("a\tb", "a       b")]
    [InlineData("\e[3Ix", "                   x")] // CHT past the last stop stops at the margin
    [InlineData("\e[15G\e[Zx", "        x")] // CBT
    [InlineData("\e[3g\e[5G\eH\rab\tc", "ab  c")] // TBC all, HTS at column 5
    [InlineData("\e[9G\e[g\ra\tb", "a               b")] // TBC 0 clears the stop at 9
    public void Tabs(string input, string screen) => Assert.Equal(screen, Term.Run(input));

    [Fact]
    public void Autowrap_waits_in_pending_wrap_until_the_next_character()
    {
        var t = Term.Create(5, 3);
        t.Feed("abcde");
        Assert.Equal((0, 4), t.Cursor());
        Assert.True(t.Screen.PendingWrap);
        t.Feed("f");
        Assert.Equal("abcde\nf", t.Text());
        Assert.True(t.Screen.IsWrapped(0));
        Assert.False(t.Screen.IsWrapped(1));
    }

    [Theory]
    [InlineData("abcde\nx", "abcde\n\nx")]     // LF keeps the pending wrap, so x wraps once more
    [InlineData("abcde\e[Kz", "abcde\nz")]      // EL 0 starts past the last column
    [InlineData("abcde\e[1Kz", "\nz")]          // EL 1 clears the row, pending wrap stays
    [InlineData("abcde\bY", "abcYe")]          // BS from the pending state moves left, as xterm does (tmux does not; vttest menu 1 autowrap screen)
    public void Pending_wrap_behaves_like_tmux(string input, string screen) => Assert.Equal(screen, Term.Run(input, 5, 4));

    [Fact]
    public void Carriage_return_cancels_pending_wrap()
    {
        Assert.Equal("Xbcde", Term.Run("abcde\rX", 5, 3));
    }

    [Fact]
    public void Without_autowrap_the_last_column_is_overwritten()
    {
        Assert.Equal("abcdZ", Term.Run("\e[?7labcdefghZ", 5, 3));
    }

    [Fact]
    public void Line_feed_at_the_bottom_scrolls_into_history()
    {
        var t = Term.Create(10, 3);
        t.Feed("1\r\n2\r\n3\r\n4\r\n5");
        Assert.Equal("3\n4\n5", t.Text());
        Assert.Equal(2, t.Screen.ScrollbackLineCount);
        Assert.Equal("1\n2\n3\n4\n5\n", t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue }));
    }

    [Fact]
    public void Reverse_index_at_the_top_scrolls_down()
    {
        Assert.Equal("x\na\nb", Term.Run("a\r\nb\e[H\eMx", 10, 3));
    }

    [Fact]
    public void Nel_and_ind()
    {
        Assert.Equal("ab\n  c\nd", Term.Run("ab\eDc\eEd", 10, 3));
    }

    [Fact]
    public void Save_and_restore_cursor_keeps_position_and_pen()
    {
        var t = Term.Create();
        t.Feed("\e[2;3H\e[31m\e7\e[m\e[5;5Hz\e8x");
        Assert.Equal((1, 3), t.Cursor());
        Assert.Equal(Godel.Terminal.Screen.Color.Ansi(1), t.Screen.GetCell(1, 2).Foreground);
    }

    [Fact]
    public void Lnm_makes_line_feed_a_new_line()
    {
        Assert.Equal("ab\ncd", Term.Run("\e[20hab\ncd"));
    }
}
