// History caps and compact storage, resize with reflow on the main screen and clipping on the alternate one.
using Godel.Terminal.Screen;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class ScrollbackAndResizeTests
{
    [Fact]
    public void History_is_capped_by_lines()
    {
        var t = Term.Create(10, 2, scrollbackLines: 5);
        for (var i = 0; i < 50; i++) t.Feed($"{i}\r\n");
        Assert.Equal(5, t.Screen.ScrollbackLineCount);
        Assert.Equal("44", t.Screen.GetScrollbackLine(0)[0].Text + t.Screen.GetScrollbackLine(0)[1].Text);
    }

    [Fact]
    public void History_is_capped_by_bytes()
    {
        var t = Term.Create(100, 2, scrollbackBytes: 10_000, scrollbackLines: 0);
        var line = new string('x', 99) + "\r\n";
        for (var i = 0; i < 1000; i++) t.Feed(line);
        Assert.InRange(t.Screen.ScrollbackBytes, 9_000, 10_000);
        Assert.InRange(t.Screen.ScrollbackLineCount, 90, 100);
    }

    [Fact]
    public void History_lines_keep_their_colours_and_wide_characters()
    {
        var t = Term.Create(10, 1);
        t.Feed("\e[1;38;2;1;2;3ma\e[0;44m日\e[38;5;9;4:3me\u0301\e[m\r\n");
        var line = t.Screen.GetScrollbackLine(0);
        Assert.Equal(Color.Rgb(1, 2, 3), line[0].Foreground);
        Assert.Equal(CellAttributes.Bold, line[0].Attributes);
        Assert.Equal("日", line[1].Text);
        Assert.Equal(2, line[1].Width);
        Assert.Equal(Color.Ansi(4), line[2].Background);
        Assert.Equal("e\u0301", line[3].Text);
        Assert.Equal(UnderlineStyle.Curly, line[3].Underline);
        Assert.Equal(Color.Indexed(9), line[3].Foreground);
    }

    [Fact]
    public void Erase_scrollback_clears_history()
    {
        var t = Term.Create(10, 2);
        t.Feed("1\r\n2\r\n3\r\n\e[3J");
        Assert.Equal(0, t.Screen.ScrollbackLineCount);
    }

    [Fact]
    public void Narrowing_reflows_a_soft_wrapped_line_and_keeps_the_cursor_after_it()
    {
        var t = Term.Create(10, 4);
        t.Feed("abcdefghij12345\r\nnext");
        t.Resize(5, 4);
        Assert.Equal("abcde\nfghij\n12345\nnext", t.Text());
        Assert.Equal((3, 4), t.Cursor());
        t.Resize(10, 4);
        Assert.Equal("abcdefghij\n12345\nnext", t.Text());
        Assert.Equal((2, 4), t.Cursor());
    }

    [Fact]
    public void Widening_joins_wrapped_rows_back()
    {
        var t = Term.Create(4, 3);
        t.Feed("abcdefgh");
        Assert.Equal("abcd\nefgh", t.Text());
        t.Resize(10, 3);
        Assert.Equal("abcdefgh", t.Text());
        Assert.Equal((0, 8), t.Cursor());
    }

    [Fact]
    public void Hard_line_breaks_are_not_joined()
    {
        var t = Term.Create(4, 3);
        t.Feed("ab\r\ncd");
        t.Resize(10, 3);
        Assert.Equal("ab\ncd", t.Text());
    }

    [Fact]
    public void Shrinking_rows_pushes_top_rows_to_history_and_growing_pulls_them_back()
    {
        var t = Term.Create(10, 4);
        t.Feed("1\r\n2\r\n3\r\n4");
        t.Resize(10, 2);
        Assert.Equal("3\n4", t.Text());
        Assert.Equal(2, t.Screen.ScrollbackLineCount);
        t.Resize(10, 4);
        Assert.Equal("1\n2\n3\n4", t.Text());
        Assert.Equal((3, 1), t.Cursor());
    }

    [Fact]
    public void Shrinking_rows_drops_blank_rows_below_the_cursor_first()
    {
        var t = Term.Create(10, 5);
        t.Feed("prompt$ ");
        t.Resize(10, 2);
        Assert.Equal("prompt$", t.Text());
        Assert.Equal(0, t.Screen.ScrollbackLineCount);
        Assert.Equal((0, 8), t.Cursor());
    }

    [Fact]
    public void History_reflows_too()
    {
        var t = Term.Create(6, 1);
        t.Feed("abcdefghijkl\r\nz");
        t.Resize(12, 1);
        Assert.Equal("abcdefghijkl\nz\n", t.Capture(new CaptureOptions { ScrollbackLines = 10 }));
    }

    [Fact]
    public void Alternate_screen_clips_on_resize()
    {
        var t = Term.Create(10, 3);
        t.Feed("\e[?1049habcdefghij");
        t.Resize(5, 3);
        Assert.Equal("abcde", t.Text());
        t.Feed("\e[?1049l");
        Assert.Equal(5, t.Columns);
    }

    [Theory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-5, -5, 1, 1)]
    [InlineData(10000, 3, 4096, 3)]
    [InlineData(3, 100000, 3, 4096)]
    public void Extreme_sizes_are_clamped(int cols, int rows, int expectCols, int expectRows)
    {
        var t = Term.Create(10, 3);
        t.Feed("hello world\r\nmore");
        t.Resize(cols, rows);
        Assert.Equal((expectCols, expectRows), (t.Columns, t.Rows));
        t.Feed("still works 日本\r\n\e[31mok");
        Assert.InRange(t.Screen.CursorRow, 0, t.Rows - 1);
        Assert.InRange(t.Screen.CursorColumn, 0, t.Columns - 1);
    }

    [Fact]
    public void Options_outside_limits_are_clamped()
    {
        var t = new TerminalEmulator(new TerminalOptions { Columns = 0, Rows = 100000 });
        Assert.Equal((1, 4096), (t.Columns, t.Rows));
    }
}
