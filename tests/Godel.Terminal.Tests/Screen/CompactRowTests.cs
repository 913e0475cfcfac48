// Compact rows (appended ASCII kept as encoded runs) must be indistinguishable from cell-backed rows.
using System.Text;
using Godel.Terminal.Screen;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class CompactRowTests
{
    private static readonly string[] Sgrs = ["0", "1", "31", "38;5;208", "38;2;1;2;3", "44", "4:3", "58;5;3", "7", "", "39;49"];

    /// <summary>Mostly streaming output (what keeps rows compact), mixed with everything that forces cells.</summary>
    private static string RandomOp(Random r, int cols, int rows) => r.Next(20) switch
    {
        0 or 1 or 2 or 3 => new string((char)('a' + r.Next(26)), r.Next(1, 8)),
        4 => new string((char)('A' + r.Next(26)), r.Next(1, cols * 2)),
        5 or 6 or 7 => "\r\n",
        8 => "\t",
        9 or 10 => $"\e[{Sgrs[r.Next(Sgrs.Length)]}m",
        11 => $"\e[{r.Next(0, rows + 2)};{r.Next(0, cols + 2)}H",
        12 => $"\e[{r.Next(0, 4)}{"ABCDG"[r.Next(5)]}",
        13 => $"\e[{r.Next(0, 3)}{"JK"[r.Next(2)]}",
        14 => $"\e[{r.Next(0, 4)}{"X@PLMST"[r.Next(7)]}",
        15 => r.Next(3) switch { 0 => "\r", 1 => "\b", _ => "\n" },
        16 => r.Next(4) switch { 0 => "é", 1 => "日", 2 => "e\u0301", _ => " " },
        17 => r.Next(3) switch { 0 => "\e[?7l", 1 => "\e[?7h", _ => $"\e[{r.Next(1, 4)}b" },
        18 => $"\e[{r.Next(1, rows + 1)};{r.Next(1, rows + 1)}r",
        _ => "\e[4h" + new string('i', r.Next(1, 4)) + "\e[4l",
    };

    [Fact]
    public void Reading_rows_after_every_write_changes_nothing()
    {
        // One emulator is read (every row decoded to cells) after each operation, the other only at the end:
        // both must hold the same screen, history and cursor, and the same encoded history bytes.
        for (var seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed);
            var cols = r.Next(2, 40);
            var rows = r.Next(1, 8);
            var options = new TerminalOptions { Columns = cols, Rows = rows, ScrollbackBytes = r.Next(2) == 0 ? 1 << 20 : 400, ScrollbackLines = 40 };
            var lazy = new TerminalEmulator(options);
            var eager = new TerminalEmulator(options);
            var log = new StringBuilder();
            for (var step = 0; step < 120; step++)
            {
                var op = RandomOp(r, cols, rows);
                log.Append(op);
                var bytes = Encoding.UTF8.GetBytes(op);
                lazy.Feed(bytes);
                eager.Feed(bytes);
                _ = StateDump.Of(eager);
            }
            var expected = StateDump.Of(eager);
            var actual = StateDump.Of(lazy);
            Assert.True(expected == actual, $"seed {seed}, input {log.ToString().Replace("\e", "\\e", StringComparison.Ordinal)}");
            Assert.Equal(HistoryBytes(eager), HistoryBytes(lazy));
        }
    }

    [Fact]
    public void Fused_streaming_path_matches_the_general_path()
    {
        // The parser's fused path (text, plain SGR via the memo, CR, LF in one loop) against the
        // general byte-by-action path, on streams split at random points.
        for (var seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed + 1000);
            var cols = r.Next(2, 40);
            var rows = r.Next(1, 8);
            var options = new TerminalOptions { Columns = cols, Rows = rows, ScrollbackLines = 40 };
            var fused = new TerminalEmulator(options);
            var general = new TerminalEmulator(options);
            general.DisableFastPaths();
            var input = new StringBuilder();
            for (var step = 0; step < 150; step++) input.Append(RandomOp(r, cols, rows));
            var bytes = Encoding.UTF8.GetBytes(input.ToString());
            for (var at = 0; at < bytes.Length;)
            {
                var n = Math.Min(bytes.Length - at, r.Next(1, 64));
                fused.Feed(bytes.AsSpan(at, n));
                general.Feed(bytes.AsSpan(at, n));
                at += n;
            }
            Assert.True(StateDump.Of(general) == StateDump.Of(fused), $"seed {seed}, input {input.ToString().Replace("\e", "\\e", StringComparison.Ordinal)}");
            Assert.Equal(HistoryBytes(general), HistoryBytes(fused));
        }
    }

    [Fact]
    public void Streamed_lines_stay_compact_and_enter_history_unchanged()
    {
        var t = new TerminalEmulator(new TerminalOptions { Columns = 20, Rows = 3, ScrollbackLines = 100 });
        t.Feed("\e[31mred\e[0m plain\tTAB\r\nsecond\r\nthird\r\nfourth\r\n"u8);
        Assert.Equal(2, t.Screen.ScrollbackLineCount);
        Assert.True(t.Model.Main.Lines[0].IsCompact);
        var first = t.Screen.GetScrollbackLine(0);
        Assert.Equal("r", first[0].Text);
        Assert.Equal(Color.Ansi(1), first[0].Foreground);
        Assert.Equal(" ", first[3].Text);
        Assert.Equal(Color.Default, first[3].Foreground);
        Assert.Equal("", first[9].Text); // the tab skipped columns 9..15: default blanks
        Assert.Equal("T", first[16].Text);
        Assert.Equal("second", History(t, 1));
        Assert.Equal("third", t.Screen.GetRowText(0));
        Assert.Equal("fourth", t.Screen.GetRowText(1));
    }

    [Fact]
    public void Overwriting_a_compact_row_decodes_it_first()
    {
        var t = new TerminalEmulator(new TerminalOptions { Columns = 10, Rows = 2 });
        t.Feed("abcdef\rXY"u8);
        Assert.Equal("XYcdef", t.Screen.GetRowText(0));
        t.Feed("\r\n12345\e[3G\e[K"u8);
        Assert.Equal("12", t.Screen.GetRowText(1));
    }

    private static string History(TerminalEmulator t, int index) =>
        string.Concat(t.Screen.GetScrollbackLine(index).Select(c => c.Text)).TrimEnd();

    private static string HistoryBytes(TerminalEmulator t)
    {
        var h = t.Model.History;
        var sb = new StringBuilder();
        for (var i = 0; i < h.Count; i++) sb.Append(Convert.ToHexString(h.Encoded(i, out var w))).Append(w ? "+" : "").Append('\n');
        return sb.ToString();
    }
}
