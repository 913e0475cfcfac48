// A stream split across reads at any byte gives the same terminal as the stream in one read, fast paths included.
using System.Text;
using Godel.Terminal.Tests.Differential;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

/// <summary>
/// The parser tests prove this for the parser alone; here it is the whole emulator, whose streaming
/// path (ASCII runs, the SGR memo keyed by a 16-byte load, CR/LF) stops and resumes at read
/// boundaries on its own. Replies are compared too, since a split query must still be answered once.
/// </summary>
public sealed class SplitReadTests
{
    private const int Cols = FeatureStreams.Columns;
    private const int Rows = FeatureStreams.Rows;

    public static TheoryData<string> Streams()
    {
        var data = new TheoryData<string>();
        foreach (var f in FeatureStreams.All) data.Add("feature:" + f.Name);
        for (var seed = 1; seed <= 8; seed++) data.Add("random:" + seed);
        data.Add("sgr-words");
        data.Add("queries");
        return data;
    }

    private static byte[] Bytes(string name)
    {
        if (name.StartsWith("feature:", StringComparison.Ordinal)) return FeatureStreams.All.Single(f => f.Name == name[8..]).Bytes;
        if (name.StartsWith("random:", StringComparison.Ordinal)) return new StreamGenerator(int.Parse(name[7..], System.Globalization.CultureInfo.InvariantCulture), Cols, Rows).Generate(60);
        var sb = new StringBuilder();
        if (name == "sgr-words")
        {
            // The shape the streaming path is built for: coloured words, long ASCII runs, line ends, UTF-8.
            for (var i = 0; i < 40; i++)
            {
                sb.Append($"\e[{31 + (i % 7)}m").Append("word").Append(i).Append("\e[0m ").Append(new string('a', i % 19));
                if (i % 5 == 0) sb.Append("\e[1;38;5;208mé日\e[22;39m\r\n");
                if (i % 9 == 0) sb.Append("\e[48:2::1:2:3mrgb\e[m\n");
            }
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
        return Encoding.UTF8.GetBytes("\e[3;7H\e[6n\e[c\e[>c\e]11;?\e\\\e[?2004$p\e[>qx\e]2;title\a\e[5n");
    }

    private static (string State, string Replies) Run(byte[] bytes, Func<int, int> nextCut)
    {
        var events = new RecordingEvents();
        var t = Term.Create(Cols, Rows, events);
        for (var at = 0; at < bytes.Length;)
        {
            var n = Math.Min(bytes.Length - at, nextCut(at));
            t.Feed(bytes.AsSpan(at, n));
            at += n;
        }
        return (StateDump.Of(t), string.Join("|", events.Replies) + $" titles={string.Join("|", events.Titles)}");
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void Split_at_every_byte_gives_the_same_terminal(string name)
    {
        var bytes = Bytes(name);
        var whole = Run(bytes, _ => bytes.Length);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var c = cut;
            var split = Run(bytes, at => at == 0 ? c : bytes.Length);
            Assert.True(whole == split, $"{name}: split at byte {cut} of {bytes.Length} differs\n{Diff(whole, split)}");
        }
        Assert.Equal(whole, Run(bytes, _ => 1));
    }

    private static string Diff((string State, string Replies) a, (string State, string Replies) b)
    {
        if (a.Replies != b.Replies) return $"replies: {a.Replies} vs {b.Replies}";
        var x = a.State.Split('\n');
        var y = b.State.Split('\n');
        return string.Join("\n", x.Zip(y).Where(p => p.First != p.Second).Take(4).Select(p => $"- {p.First}\n+ {p.Second}"));
    }
}
