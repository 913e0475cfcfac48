// Parser tests: actions recorded for every sequence kind, and identical results when split at any byte.
using System.Text;
using Godel.Terminal.Parsing;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Parsing;

public sealed class VtParserTests
{
    private static IReadOnlyList<string> Parse(byte[] input)
    {
        var h = new RecordingHandler();
        new VtParser(h).Feed(input);
        return h.Flushed();
    }

    private static IReadOnlyList<string> Parse(string input) => Parse(Encoding.UTF8.GetBytes(input));

    /// <summary>Every sequence kind the parser knows, with the actions it must produce.</summary>
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "abc", ["print:abc"] },
        { "a\r\nb", ["print:a", "exec:0D", "exec:0A", "print:b"] },
        { "\e[H", ["csi:||H"] },
        { "\e[1;2H", ["csi:|1;2|H"] },
        { "\e[?1049h", ["csi:?|1049|h"] },
        { "\e[>c", ["csi:>||c"] },
        { "\e[38:2::10:20:30m", ["csi:|38:2:0:10:20:30|m"] },
        { "\e[4:3m", ["csi:|4:3|m"] },
        { "\e[2 q", ["csi: |2|q"] },
        { "\e[?2026$p", ["csi:?$|2026|p"] },
        { "\e[1\ndone", ["exec:0A", "csi:|1|d", "print:one"] },
        { "\e7\e8", ["esc:|7", "esc:|8"] },
        { "\e(0q\e(B", ["esc:(|0", "print:q", "esc:(|B"] },
        { "\e#8", ["esc:#|8"] },
        { "\e]0;title\a", ["osc:0;title|bel"] },
        { "\e]2;héllo\e\\", ["osc:2;héllo|st", "esc:|\\"] },
        { "\e]8;;http://x\e\\link", ["osc:8;;http://x|st", "esc:|\\", "print:link"] },
        { "\eP>|Godel\e\\", ["dcs:>|||", "put:Godel", "unhook", "esc:|\\"] },
        { "\eP1$qm\e\\", ["dcs:$|1|q", "put:m", "unhook", "esc:|\\"] },
        { "\e[1;2\x18x", ["exec:18", "print:x"] },
        { "\e]0;abc\x1ax", ["print:x"] },
        { "\e[1;2\x1ax", ["exec:1A", "print:x"] },
        { "日本", ["print:日本"] },
        { "é\u0301", ["print:é\u0301"] },
        { "\e_apc\e\\z", ["esc:|\\", "print:z"] },
        { "\e^pm\e\\z", ["esc:|\\", "print:z"] },
        { "\eXsos\e\\z", ["esc:|\\", "print:z"] },
        { "\e]0;ab\x18z", ["print:z"] },
        { "\eP1;2|data\x18z", ["dcs:|1;2||", "put:data", "unhook", "exec:18", "print:z"] },
        { "\e[2;\e[3H", ["csi:|3|H"] },
        { "\e[1;<2m", [] },
        { "a\u007fb", ["print:ab"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sequence_produces_expected_actions(string input, string[] expected)
    {
        var actual = Parse(input).Where(a => a != "put:").ToArray();
        Assert.Equal(expected.Where(a => a != "put:").ToArray(), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_at_every_byte_boundary_gives_the_same_actions(string input, string[] expected)
    {
        _ = expected;
        var bytes = Encoding.UTF8.GetBytes(input);
        var whole = Parse(bytes);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var h = new RecordingHandler();
            var p = new VtParser(h);
            p.Feed(bytes.AsSpan(0, cut));
            p.Feed(bytes.AsSpan(cut));
            Assert.Equal(whole, h.Flushed());
        }
    }

    [Fact]
    public void Byte_at_a_time_equals_whole_for_a_mixed_stream()
    {
        var input = Encoding.UTF8.GetBytes("x\e[1;31mred\e[0m\e]2;t\a日\e[?25l\ePq#1\e\\\e[38;5;208mz\u00e9\r\n");
        var whole = Parse(input);
        var h = new RecordingHandler();
        var p = new VtParser(h);
        foreach (var b in input) p.Feed([b]);
        Assert.Equal(whole, h.Flushed());
    }

    [Fact]
    public void Malformed_utf8_becomes_replacement_characters()
    {
        Assert.Equal(["print:\uFFFDa\uFFFD\uFFFDb"], Parse([0xC3, (byte)'a', 0xFF, 0xE2, 0x82, (byte)'b']));
    }

    [Fact]
    public void Overlong_and_surrogate_encodings_are_rejected()
    {
        Assert.Equal(["print:\uFFFD\uFFFD"], Parse([0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80]));
    }

    [Fact]
    public void Parameters_beyond_the_cap_are_dropped_and_values_clamped()
    {
        var input = "\e[" + string.Join(";", Enumerable.Range(1, 100_000)) + "m";
        var actions = Parse(input);
        var csi = Assert.Single(actions);
        var values = csi.Split('|')[1].Split(';');
        Assert.Equal(VtParams.MaxCount, values.Length);
        Assert.Equal("csi:|65535|H", Parse("\e[99999999999999H")[0]);
    }

    [Fact]
    public void Endless_osc_is_dropped_and_parser_recovers()
    {
        var h = new RecordingHandler();
        var p = new VtParser(h);
        p.Feed("\e]0;"u8);
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'x');
        for (var i = 0; i < 64; i++) p.Feed(chunk); // 4 MiB, beyond the OSC cap
        p.Feed("\aok"u8);
        Assert.Equal(["print:ok"], h.Flushed());
    }

    [Fact]
    public void Osc_within_the_cap_is_delivered_whole()
    {
        var body = new string('y', 100_000);
        Assert.Equal([$"osc:2;{body}|bel"], Parse($"\e]2;{body}\a"));
    }

    [Fact]
    public void Too_many_intermediates_drop_the_sequence()
    {
        Assert.Equal(["print:z"], Parse("\e[1!!!!!pz"));
    }
}
