// The SGR memo must leave the pen exactly as the general SGR path does, for any sequence and starting pen.
using System.Text;
using Godel.Terminal.Emulation;
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Tests.Screen;

public sealed class SgrMemoTests
{
    private static readonly int[] Codes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 22, 23, 24, 25, 27, 28, 29, 30, 31, 37, 38, 39, 40, 44, 47, 48, 49, 53, 55, 58, 59, 90, 97, 100, 107, 2, 5, 208, 255, 999];

    [Fact]
    public void Memo_and_general_path_agree()
    {
        var r = new Random(7);
        var memo = new SgrMemo();
        var parameters = new VtParams();
        var hits = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomParameters(r);
            var start = new Pen { Fg = RandomColor(r), Bg = RandomColor(r), Attr = (uint)r.Next(0, 0x1000) };
            var viaMemo = start;
            var bytes = Encoding.ASCII.GetBytes(text);
            var used = memo.TryApply(ref viaMemo, bytes);
            var general = start;
            parameters.Clear();
            parameters.PutRun(bytes);
            Sgr.ApplyTo(ref general, parameters);
            if (!used) continue;
            hits++;
            Assert.True(general.Fg == viaMemo.Fg && general.Bg == viaMemo.Bg && general.Attr == viaMemo.Attr,
                $"'{text}' from fg={start.Fg:x} bg={start.Bg:x} attr={start.Attr:x}: general fg={general.Fg:x} bg={general.Bg:x} attr={general.Attr:x}, memo fg={viaMemo.Fg:x} bg={viaMemo.Bg:x} attr={viaMemo.Attr:x}");
        }
        Assert.True(hits > 100_000, $"memo used only {hits} times");
    }

    [Fact]
    public void Underline_colour_and_hyperlinks_take_the_general_path()
    {
        var memo = new SgrMemo();
        var pen = new Pen { UnderlineColor = 0x0100_0003 };
        Assert.False(memo.TryApply(ref pen, "31"u8));
        pen = default;
        Assert.False(memo.TryApply(ref pen, "58;5;3"u8));
        Assert.Equal(0u, pen.UnderlineColor);
        var t = new TerminalEmulator(new TerminalOptions { Columns = 10, Rows = 1 });
        t.Feed("\e[58;5;3m\e[4ma\e[0mb\e[31mc"u8);
        Assert.Equal(Color.Indexed(3), t.Screen.GetCell(0, 0).UnderlineColor);
        Assert.Equal(Color.Default, t.Screen.GetCell(0, 1).UnderlineColor);
        Assert.Equal(Color.Ansi(1), t.Screen.GetCell(0, 2).Foreground);
    }

    private static string RandomParameters(Random r)
    {
        var n = r.Next(0, 5);
        var parts = new List<string>();
        for (var i = 0; i < n; i++)
        {
            parts.Add(r.Next(6) == 0 ? "" : Codes[r.Next(Codes.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var s = string.Join(';', parts);
        return s.Length > SgrMemo.MaxLength ? s[..SgrMemo.MaxLength] : s;
    }

    private static uint RandomColor(Random r) => r.Next(4) switch
    {
        0 => 0,
        1 => 0x0100_0000u | (uint)r.Next(256),
        2 => 0x0200_0000u | (uint)r.Next(1 << 24),
        _ => 0x0300_0000u | (uint)r.Next(16),
    };
}
