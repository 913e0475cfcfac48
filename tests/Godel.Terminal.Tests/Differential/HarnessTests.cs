// Checks the differential harness itself: each reference renders a known stream into the grid a person would expect.
namespace Godel.Terminal.Tests.Differential;

public sealed class HarnessTests
{
    private static readonly byte[] Known =
        "hi \u001b[1;31mred\u001b[0m \u001b[38;5;200mx\u001b[48;2;1;2;3my\u001b[0m\r\n\u001b[4;7mU\u001b[0m 世界\tT\u001b[3;5H"u8.ToArray();

    /// <summary>The screen for <see cref="Known"/>, built by hand.</summary>
    private static ScreenGrid Expected()
    {
        var g = new ScreenGrid(20, 5);
        Put(g, 0, 0, "hi ");
        Put(g, 3, 0, "red", fg: CellColor.Palette(1), attrs: CellAttributes.Bold);
        Put(g, 7, 0, "x", fg: CellColor.Palette(200));
        Put(g, 8, 0, "y", fg: CellColor.Palette(200), bg: CellColor.Rgb(1, 2, 3));
        Put(g, 0, 1, "U", attrs: CellAttributes.Underline | CellAttributes.Reverse);
        Put(g, 2, 1, "世");
        g[3, 1] = GridCell.Blank with { Text = "" };
        Put(g, 4, 1, "界");
        g[5, 1] = GridCell.Blank with { Text = "" };
        Put(g, 8, 1, "T");
        g.CursorX = 4;
        g.CursorY = 2;
        return g;
    }

    private static void Put(ScreenGrid g, int x, int y, string text, CellColor? fg = null, CellColor? bg = null, CellAttributes attrs = CellAttributes.None)
    {
        foreach (var ch in text)
        {
            g[x++, y] = new GridCell(ch.ToString(), fg ?? CellColor.Default, bg ?? CellColor.Default, attrs);
        }
    }

    [SkippableFact]
    public void Tmux_renders_a_known_stream_as_expected()
    {
        Skip.IfNot(TmuxReference.IsAvailable, TmuxReference.MissingMessage);
        using var tmux = new TmuxReference();
        var actual = tmux.Render(Known, 20, 5);
        var diffs = GridComparer.Differences(Expected(), actual);
        Assert.True(diffs.Count == 0, GridComparer.Describe("tmux", Expected(), actual, diffs));
    }

    [SkippableFact]
    public void Xterm_renders_a_known_stream_as_expected()
    {
        Skip.IfNot(XtermReference.IsAvailable, XtermReference.MissingMessage);
        var actual = XtermReference.Render(Known, 20, 5);
        var diffs = GridComparer.Differences(Expected(), actual);
        Assert.True(diffs.Count == 0, GridComparer.Describe("xterm.js", Expected(), actual, diffs));
    }

    [Fact]
    public void Comparer_reports_a_changed_colour_and_cursor()
    {
        var a = Expected();
        var b = Expected();
        b[3, 0] = b[3, 0] with { Foreground = CellColor.Palette(2) };
        b.CursorX = 0;
        var diffs = GridComparer.Differences(a, b);
        Assert.Equal(2, diffs.Count);
        Assert.Contains("cell (3,0)", diffs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_parser_reads_colon_and_semicolon_colour_forms_and_carries_the_pen_across_lines()
    {
        var g = SgrCaptureParser.Parse("\u001b[38:2::10:20:30ma\u001b[48;5;17mb\nc\u001b[0m d", 4, 2);
        Assert.Equal(CellColor.Rgb(10, 20, 30), g[0, 0].Foreground);
        Assert.Equal(CellColor.Palette(17), g[1, 0].Background);
        Assert.Equal(CellColor.Palette(17), g[0, 1].Background);
        Assert.Equal(CellColor.Default, g[2, 1].Background);
        Assert.Equal("d", g[2, 1].Text);
    }
}
