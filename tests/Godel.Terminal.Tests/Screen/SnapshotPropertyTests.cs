// feed(snapshot(s)) == s over random operation sequences, plus hand-picked tricky states.
using System.Text;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class SnapshotPropertyTests
{
    private static readonly string[] Sgrs =
    [
        "0", "1", "2", "3", "4", "4:3", "5", "7", "8", "9", "21", "22", "24", "27", "53", "31", "92", "44", "103",
        "38;5;208", "48;5;17", "38;2;10;200;30", "48:2::1:2:3", "58;2;200;0;0", "58:5:3", "59", "39", "49", "",
    ];

    private static readonly string[] Texts = ["hello", "x", "日本", "😀", "e\u0301", "abc def ghi", "│", "q", " ", "é"];

    /// <summary>One random operation, as the bytes a program would write.</summary>
    private static string RandomOp(Random r, ref int cols, ref int rows, List<Action<TerminalEmulator>> resizes, int step)
    {
        _ = resizes;
        _ = step;
        switch (r.Next(34))
        {
            case 0: case 1: case 2: case 3: return Texts[r.Next(Texts.Length)];
            case 4: return new string((char)('a' + r.Next(26)), r.Next(1, cols * 2));
            case 5: case 6: return "\r\n";
            case 7: return r.Next(3) switch { 0 => "\n", 1 => "\r", _ => "\b" };
            case 8: return "\t";
            case 9: case 10: return $"\e[{Sgrs[r.Next(Sgrs.Length)]};{Sgrs[r.Next(Sgrs.Length)]}m";
            case 11: return $"\e[{r.Next(0, rows + 2)};{r.Next(0, cols + 2)}H";
            case 12: return $"\e[{r.Next(0, 4)}{"ABCD"[r.Next(4)]}";
            case 13: return $"\e[{r.Next(0, 3)}J";
            case 14: return $"\e[{r.Next(0, 3)}K";
            case 15: return $"\e[{r.Next(0, 4)}{"X@PLMST"[r.Next(7)]}";
            case 16: return $"\e[{r.Next(1, rows + 1)};{r.Next(1, rows + 1)}r";
            case 17: return r.Next(2) == 0 ? "\e[?6h" : "\e[?6l";
            case 18: return $"\e[?{new[] { 47, 1047, 1049, 1048 }[r.Next(4)]}{(r.Next(2) == 0 ? 'h' : 'l')}";
            case 19: return r.Next(2) == 0 ? "\e7" : "\e8";
            case 20: return $"\e[?{new[] { 1, 25, 7, 1000, 1002, 1003, 1004, 1006, 2004, 2026, 12 }[r.Next(11)]}{(r.Next(2) == 0 ? 'h' : 'l')}";
            case 21: return r.Next(2) == 0 ? "\e[4h" : "\e[4l";
            case 22: return r.Next(4) switch { 0 => "\e(0", 1 => "\e(B", 2 => "\x0e", _ => "\x0f" };
            case 23: return r.Next(3) switch { 0 => "\eH", 1 => "\e[g", _ => "\e[3g" };
            case 24: return $"\e]2;title{r.Next(100)}\a";
            case 25: return r.Next(2) == 0 ? $"\e]8;;https://x/{r.Next(5)}\e\\" : "\e]8;;\e\\";
            case 26: return $"\e[{r.Next(7)} q";
            case 27: return $"\e[{r.Next(1, 5)}b";
            case 28: return r.Next(2) == 0 ? "\eM" : "\eD";
            case 29: return r.Next(2) == 0 ? "\e=" : "\e>";
            case 30: return "\e#8";
            case 31: return $"\e[{r.Next(1, 4)}{"IZ"[r.Next(2)]}";
            case 32: return r.Next(2) == 0 ? "\e[20h" : "\e[20l";
            default:
                cols = r.Next(1, 30);
                rows = r.Next(1, 10);
                return $"RESIZE {cols} {rows}";
        }
    }

    private static void AssertRoundTrip(TerminalEmulator original, string context)
    {
        var snapshot = original.Snapshot();
        var copy = new TerminalEmulator(original.Options with { Columns = original.Columns, Rows = original.Rows });
        copy.Feed(snapshot);
        var expected = StateDump.Of(original);
        var actual = StateDump.Of(copy);
        if (expected != actual)
        {
            Assert.Fail($"{context}\nsnapshot: {Escape(Encoding.UTF8.GetString(snapshot))}\n{Diff(expected, actual)}");
        }
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder();
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<none>";
            var y = i < a.Length ? a[i] : "<none>";
            if (x != y) sb.AppendLine($"- {x}\n+ {y}");
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\e", "\\e", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    [Fact]
    public void Random_operation_sequences_round_trip_through_a_snapshot()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var r = new Random(seed);
            var cols = r.Next(1, 30);
            var rows = r.Next(1, 10);
            var t = new TerminalEmulator(new TerminalOptions { Columns = cols, Rows = rows, ScrollbackBytes = r.Next(2) == 0 ? 1 << 20 : 300, ScrollbackLines = 50 });
            var script = new StringBuilder();
            var ops = r.Next(1, 60);
            for (var i = 0; i < ops; i++)
            {
                var op = RandomOp(r, ref cols, ref rows, [], i);
                script.Append(op).Append('⏎');
                if (op.StartsWith("RESIZE", StringComparison.Ordinal)) t.Resize(cols, rows);
                else t.Feed(op);
                var broken = Invariants.Check(t);
                if (broken != null) Assert.Fail($"seed {seed} op {i}: {broken}: {Escape(script.ToString())}");
            }
            AssertRoundTrip(t, $"seed {seed}: {Escape(script.ToString())}");
        }
    }

    [Theory]
    [InlineData("abcde")]                              // pending wrap on the last column
    [InlineData("abcd日")]                             // wide character wrapped, blank left behind
    [InlineData("abc日")]                              // pending wrap on a wide character
    [InlineData("\e[44m\e[2J\e[3;3Hx")]                // coloured blanks
    [InlineData("\e[?1049habc\e[2;4r\e[?6h\e[2;2H")]   // alternate screen, region, origin
    [InlineData("\e[31m\e7\e[0m\e[?1049h\e[32m\e7")]   // saved cursors on both buffers
    [InlineData("1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7abcdefgh")]
    [InlineData("\e]8;id=a;http://e\e\\ln\e]8;;\e\\k")]
    public void Tricky_states_round_trip(string input)
    {
        var t = Term.Create(5, 3);
        t.Feed(input);
        AssertRoundTrip(t, Escape(input));
    }
}
