// Random bytes and hostile sequences never throw, keep invariants and budgets, and leave the emulator usable.
using System.Text;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class FuzzAndHostileInputTests
{
    private static readonly string[] Fragments =
    [
        "\e[", "\e]", "\eP", "\e(", "\e#", "\e", ";", ":", "?", ">", "$", " ", "1", "9999", "38;2", "m", "H", "J", "K", "r", "h", "l",
        "\a", "\e\\", "\x18", "\x1a", "\r", "\n", "\t", "\b", "日", "😀", "\u0301", "a", "bc", "\u009b", "\x0e", "\x0f", "1049", "?6h", "b", "@", "P",
    ];

    [Fact]
    public void Random_bytes_never_throw_and_invariants_hold()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed);
            var t = Term.Create(r.Next(1, 40), r.Next(1, 12), scrollbackBytes: 4096);
            var data = new byte[r.Next(1, 4000)];
            r.NextBytes(data);
            for (var i = 0; i < data.Length; i += 97)
            {
                t.Feed(data.AsSpan(i, Math.Min(97, data.Length - i)));
                if (r.Next(50) == 0) t.Resize(r.Next(-2, 50), r.Next(-2, 15));
                var broken = Invariants.Check(t);
                Assert.True(broken == null, $"seed {seed}: {broken}");
            }
            AssertUsable(t);
        }
    }

    [Fact]
    public void Random_valid_ish_sequences_never_throw_and_invariants_hold()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var r = new Random(seed);
            var t = Term.Create(r.Next(1, 40), r.Next(1, 12), scrollbackBytes: 2048, scrollbackLines: 30);
            var sb = new StringBuilder();
            for (var i = 0; i < 300; i++) sb.Append(Fragments[r.Next(Fragments.Length)]);
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            var cut = r.Next(bytes.Length);
            t.Feed(bytes.AsSpan(0, cut));
            t.Feed(bytes.AsSpan(cut));
            Assert.True(Invariants.Check(t) == null, $"seed {seed}: {Invariants.Check(t)}");
            _ = t.Snapshot();
            _ = t.Capture(new CaptureOptions { WithEscapes = true, ScrollbackLines = int.MaxValue });
            AssertUsable(t);
        }
    }

    private static void AssertUsable(TerminalEmulator t)
    {
        t.Resize(10, 3);
        t.Feed("\ec\e[?7hok");
        Assert.Equal("ok", t.Screen.GetRowText(0));
    }

    [Fact]
    public void Ten_megabyte_line_stays_within_the_history_budget()
    {
        var t = Term.Create(200, 50, scrollbackBytes: 1 << 20, scrollbackLines: 0);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 16));
        for (var i = 0; i < 160; i++) t.Feed(chunk);
        Assert.InRange(t.Screen.ScrollbackBytes, 1, 1 << 20);
        Assert.Null(Invariants.Check(t));
        t.Resize(80, 24); // reflowing the giant logical line must not blow up either
        Assert.InRange(t.Screen.ScrollbackBytes, 1, 1 << 20);
        AssertUsable(t);
    }

    [Fact]
    public void Hundred_thousand_parameters_are_harmless()
    {
        var t = Term.Create();
        t.Feed("\e[" + string.Join(";", Enumerable.Repeat("1", 100_000)) + "mA");
        Assert.Equal("A", t.Screen.GetRowText(0));
    }

    [Fact]
    public void Endless_osc_is_dropped()
    {
        var t = Term.Create();
        t.Feed("\e]2;");
        var chunk = Encoding.ASCII.GetBytes(new string('t', 1 << 16));
        for (var i = 0; i < 100; i++) t.Feed(chunk);
        t.Feed("\aafter");
        Assert.Equal("", t.Title);
        Assert.Equal("after", t.Screen.GetRowText(0));
    }

    [Fact]
    public void Huge_repeat_and_movement_counts_are_bounded()
    {
        var t = Term.Create(20, 5);
        t.Feed("x\e[1000000000b\e[1000000000A\e[1000000000C\e[1000000000@\e[1000000000L\e[1000000000S\e[1000000000X");
        Assert.Null(Invariants.Check(t));
        t.Feed("\e[Hx\e[1000000000b");
        Assert.Equal(new string('x', 20), t.Screen.GetRowText(3)); // 101 x: four full rows, one wrapped onto the last
    }

    [Fact]
    public void Unique_combining_clusters_cannot_grow_memory_without_bound()
    {
        var t = Term.Create(80, 24);
        var sb = new StringBuilder();
        for (var i = 0; i < 100_000; i++) sb.Append(char.ConvertFromUtf32(0x4E00 + (i % 20000))).Append('\u0301').Append(i % 2 == 0 ? "\u0302" : "");
        t.Feed(sb.ToString());
        Assert.True(t.Model.Clusters.Count <= Godel.Terminal.Screen.ClusterTable.MaxEntries);
        AssertUsable(t);
    }
}
