// Seeded random byte streams of text, SGR, cursor motion, erase, scroll regions, insert/delete, wide characters and tabs.
using System.Text;

namespace Godel.Terminal.Tests.Differential;

/// <summary>Which behaviours a stream may exercise.</summary>
public enum StreamProfile
{
    /// <summary>Everything xterm's ctlseqs defines; compare with xterm.js.</summary>
    Xterm,

    /// <summary>The xterm profile without wide characters: where an edit cuts a wide character in two,
    /// xterm.js gives the orphaned half the pen's background and Godel keeps the cell's own.</summary>
    XtermNarrow,

    /// <summary>
    /// Only what tmux and xterm draw alike: backgrounds are set just for short text that cannot
    /// wrap; IL/DL only without a scroll region and followed by CR; ECH/ICH/DCH never in the
    /// pending-wrap state; no REP, no DECSC/DECRC, no wide characters. See docs/TERMINAL.md.
    /// </summary>
    Common,
}

/// <summary>
/// Builds a reproducible stream from a seed. Only well-formed sequences are generated, so every
/// reference must draw the same screen. Origin mode is not generated: the cursor would then be
/// reported relative to the region.
/// </summary>
public sealed class StreamGenerator(int seed, int columns, int rows, StreamProfile profile = StreamProfile.Xterm)
{
    private static readonly string[] Words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "Gödel", "naïve", "déjà", "x", "12345", "{}[]()", "a-b_c"];
    private static readonly string[] Wide = ["世", "界", "漢", "字", "ｶ", "한", "글", "日本"];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _out = new();
    private bool _regionSet;
    private bool Common => profile == StreamProfile.Common;

    public byte[] Generate(int operations) => Encoding.UTF8.GetBytes(string.Concat(GenerateOperations(operations)));

    /// <summary>The stream as one string per operation, so a failing stream can be shrunk to a few operations.</summary>
    public IReadOnlyList<string> GenerateOperations(int operations)
    {
        var result = new List<string>(operations);
        for (var i = 0; i < operations; i++)
        {
            _out.Clear();
            Operation();
            result.Add(_out.ToString());
        }

        return result;
    }

    private void Operation()
    {
        var pick = _random.Next(100);
        switch (pick)
        {
            case < 30: Text(); break;
            case < 45: Sgr(); break;
            case < 60: Motion(); break;
            case < 67: Erase(); break;
            case < 74: InsertDelete(); break;
            case < 79: ScrollRegion(); break;
            case < 84: Scroll(); break;
            case < 89: Controls(); break;
            case < 93: WideText(); break;
            case < 96: SaveRestore(); break;
            default: Repeat(); break;
        }
    }

    private int Col() => _random.Next(1, columns + 1);
    private int Row() => _random.Next(1, rows + 1);
    private int Small() => _random.Next(0, 6);

    private void Csi(string body) => _out.Append("\u001b[").Append(body);

    private void Text()
    {
        var background = Common && _random.Next(3) == 0;
        if (background)
        {
            // Placed where it cannot wrap: a wrap that scrolls fills the new line with the
            // background in xterm but not in tmux.
            SafePosition();
            Csi(_random.Next(3) switch
            {
                0 => $"{40 + _random.Next(8)}m",
                1 => $"48;5;{_random.Next(256)}m",
                _ => $"48;2;{_random.Next(256)};{_random.Next(256)};{_random.Next(256)}m",
            });
        }

        var count = background ? _random.Next(1, 3) : _random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            _out.Append(Words[_random.Next(Words.Length)]).Append(' ');
        }

        if (background)
        {
            Csi("49m");
        }
    }

    private void WideText()
    {
        if (Common || profile == StreamProfile.XtermNarrow)
        {
            // tmux keeps a wide character when ICH/DCH/ECH or overwriting hits its right half,
            // xterm clears it; wide characters are covered by the xterm profile and hand-written streams.
            return;
        }

        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            _out.Append(Wide[_random.Next(Wide.Length)]);
        }
    }

    private void Sgr()
    {
        var parts = new List<string>();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            parts.Add(_random.Next(12) switch
            {
                0 => "0",
                1 => _random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) is var a && a == "6" ? "5" : a,
                2 => (22 + _random.Next(0, 8)).ToString(System.Globalization.CultureInfo.InvariantCulture) is var r && r == "26" ? "27" : r,
                3 => $"{30 + _random.Next(8)}",
                11 => _random.Next(2) == 0 ? "39" : "49",
                4 => $"{40 + _random.Next(8)}",
                5 => $"{90 + _random.Next(8)}",
                6 => $"{100 + _random.Next(8)}",
                7 => $"38;5;{_random.Next(256)}",
                8 => $"48;5;{_random.Next(256)}",
                9 => $"38;2;{_random.Next(256)};{_random.Next(256)};{_random.Next(256)}",
                10 => $"48;2;{_random.Next(256)};{_random.Next(256)};{_random.Next(256)}",
                _ => "",
            });
        }

        if (Common)
        {
            // 0 clears the background too; anything else that sets one is dropped.
            parts = parts.Where(p => !(p.StartsWith('4') && p.Length == 2 && p != "49") && !p.StartsWith("48;", StringComparison.Ordinal) && !(p.StartsWith("10", StringComparison.Ordinal) && p.Length == 3)).ToList();
            if (parts.Count == 0)
            {
                return;
            }
        }

        Csi(string.Join(';', parts) + "m");
    }

    private void Motion()
    {
        switch (_random.Next(9))
        {
            case 0: Csi($"{Row()};{Col()}H"); break;
            case 1: Csi($"{Small()}A"); break;
            case 2: Csi($"{Small()}B"); break;
            case 3: Csi($"{Small()}C"); break;
            case 4: Csi($"{Small()}D"); break;
            case 5: Csi($"{Col()}G"); break;
            case 6: Csi($"{Row()}d"); break;
            case 7: Csi($"{Small()}E"); break;
            default: Csi($"{Small()}F"); break;
        }
    }

    private void Erase()
    {
        ResetPendingWrap();
        switch (_random.Next(3))
        {
            case 0: Csi($"{_random.Next(3)}J"); break;
            case 1: Csi($"{_random.Next(3)}K"); break;
            default: Csi($"{Small()}X"); break;
        }
    }

    private void InsertDelete()
    {
        var final = "@PLM"[_random.Next(4)];
        var isLine = final is 'L' or 'M';
        if (Common && isLine && _regionSet)
        {
            return;
        }

        if (!isLine)
        {
            ResetPendingWrap();
        }

        Csi($"{Small()}{final}");
        if (Common && isLine)
        {
            // xterm returns to column 1 after IL/DL; tmux keeps the column.
            _out.Append('\r');
        }
    }

    private void ScrollRegion()
    {
        if (_random.Next(3) == 0)
        {
            Csi("r");
            _regionSet = false;
            return;
        }

        var top = _random.Next(1, rows);
        var bottom = _random.Next(top + 1, rows + 1);
        Csi($"{top};{bottom}r");
        _regionSet = true;
    }

    private void Scroll()
    {
        switch (_random.Next(4))
        {
            case 0: Csi($"{Small()}S"); break;
            // xterm.js fills lines scrolled in by SD with the default background, not the pen's.
            case 1: Csi("49m"); Csi($"{Small()}T"); break;
            case 2: ResetPendingWrap(); _out.Append("\u001bM"); break;
            default: ResetPendingWrap(); _out.Append("\u001bD"); break;
        }
    }

    private void Controls()
    {
        var control = _random.Next(6) switch
        {
            0 => "\r",
            1 => "\n",
            2 => "\r\n",
            3 => "\b",
            4 => "\t",
            _ => "\u001bE",
        };
        if (control == "\n")
        {
            // xterm and xterm.js end a pending wrap on LF; tmux and Godel keep it.
            ResetPendingWrap();
        }

        _out.Append(control);
    }

    /// <summary>Leaves a pending wrap first: what ED/EL/ECH/ICH/DCH/LF/IND/RI do in that state differs between xterm, xterm.js, tmux and Godel (see docs/TERMINAL.md).</summary>
    private void ResetPendingWrap() => Csi($"{Col()}G");

    /// <summary>Moves to a cell with at least 20 columns to its right.</summary>
    private void SafePosition() => Csi($"{Row()};{_random.Next(1, Math.Max(2, columns - 20))}H");

    /// <summary>Save, move, restore, with no scrolling in between: xterm.js moves a saved cursor up when the screen scrolls, tmux and Godel do not.</summary>
    private void SaveRestore()
    {
        _out.Append("\u001b7");
        Csi($"{Row()};{Col()}H");
        if (!Common)
        {
            Csi($"{_random.Next(1, 10)}m");
        }

        _out.Append("\u001b8");
    }

    private void Repeat()
    {
        if (Common)
        {
            return;
        }

        _out.Append((char)('A' + _random.Next(26)));
        Csi($"{Small()}b");
    }
}
