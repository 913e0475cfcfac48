// The only code that mutates a ScreenModel: clamps every argument, keeps the cursor in bounds, handles wide cells.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

/// <summary>
/// Screen operations in terminal terms (print, line feed, erase, scroll, modes). Coordinates are
/// 0-based and relative to the visible screen; arguments are counts already defaulted by the caller
/// and are clamped here. Invariant after every call: 0 ≤ X &lt; Columns, 0 ≤ Y &lt; Rows.
/// </summary>
internal sealed partial class ScreenWriter
{
    private readonly ScreenModel _m;

    public ScreenWriter(ScreenModel model) => _m = model;

    public ScreenModel Model => _m;

    private Grid Grid => _m.Active;

    private int Cols => _m.Main.Columns;

    private int RowCount => _m.Main.Rows;

    /// <summary>
    /// The shape of nearly all streaming output, in one loop: printable ASCII appended to a compact row
    /// before its last column, plain SGR sequences the memo knows, CR and LF. Returns how many bytes it
    /// handled; it stops at the first byte it does not (anything else, or text that would reach the last
    /// column) and leaves that to the general path, so the result is the same as feeding them one by one.
    /// </summary>
    public int Stream(ReadOnlySpan<byte> data, SgrMemo memo)
    {
        var m = _m;
        if (m.PendingWrap || m.CharsetGraphics || m.Modes.Insert || m.Modes.LineFeedNewLine) return 0;
        var cols = m.Main.Columns;
        var row = m.Active.Lines[m.Y];
        var x = m.X;
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            if ((uint)(b - 0x20) <= 0x5E)
            {
                var rest = data[i..];
                var n = PrintableRun(rest);
                if (x + n >= cols || !row.TryAppendAscii(x, rest, n, m.Pen.Fg, m.Pen.Bg, m.Pen.Attr)) break;
                x += n;
                m.LastPrinted = rest[n - 1];
                i += n;
            }
            else if (b == 0x1B)
            {
                var used = StreamSgr(data[i..], memo);
                if (used == 0) break;
                i += used;
            }
            else if (b == (byte)'\r')
            {
                x = 0;
                i++;
            }
            else if (b == (byte)'\n')
            {
                Index();
                row = m.Active.Lines[m.Y];
                i++;
            }
            else
            {
                break;
            }
        }
        m.X = x;
        return i;
    }

    /// <summary>How many bytes at the start of <paramref name="text"/> are printable ASCII (all of it when none is not).</summary>
    private static int PrintableRun(ReadOnlySpan<byte> text)
    {
        if (Vector128.IsHardwareAccelerated && text.Length >= 16)
        {
            // Colourised output prints a word at a time: one inline 16-byte test usually finds its end.
            var v = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text));
            var other = Vector128.GreaterThan(v - Vector128.Create((byte)0x20), Vector128.Create((byte)0x5E)).ExtractMostSignificantBits();
            if (other != 0) return BitOperations.TrailingZeroCount(other);
        }
        var n = text.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        return n < 0 ? text.Length : n;
    }

    /// <summary>An SGR of digits and ';' at data[0] (ESC) that the memo applies: its length, else 0.</summary>
    private int StreamSgr(ReadOnlySpan<byte> data, SgrMemo memo)
    {
        if (data.Length < 3 || data[1] != (byte)'[') return 0;
        if (Vector128.IsHardwareAccelerated && data.Length >= 3 + SgrMemo.MaxLength)
        {
            // One 16-byte load finds the end of the parameters and is, masked to their length, the memo's key.
            var v = Vector128.LoadUnsafe(ref Unsafe.Add(ref MemoryMarshal.GetReference(data), 2));
            var param = Vector128.LessThanOrEqual(v - Vector128.Create((byte)'0'), Vector128.Create((byte)9))
                | Vector128.Equals(v, Vector128.Create((byte)';'));
            var other = ~param.ExtractMostSignificantBits() & 0xFFFFu;
            if (other == 0) return 0;
            var n = BitOperations.TrailingZeroCount(other);
            if (data[2 + n] != (byte)'m') return 0;
            var key = (v & Vector128.LessThan(Vector128<byte>.Indices, Vector128.Create((byte)n))).AsUInt64();
            return memo.TryApply(ref _m.Pen, key.GetElement(0), key.GetElement(1), n) ? n + 3 : 0;
        }
        var stop = Math.Min(data.Length, 3 + SgrMemo.MaxLength);
        var k = 2;
        while (k < stop && ((uint)(data[k] - '0') <= 9 || data[k] == (byte)';')) k++;
        if (k == stop || data[k] != (byte)'m' || !memo.TryApply(ref _m.Pen, data[2..k])) return 0;
        return k + 1;
    }

    /// <summary>Prints printable ASCII (the general path; <see cref="Stream"/> takes the common case first).</summary>
    public void PrintAscii(ReadOnlySpan<byte> text)
    {
        if (_m.CharsetGraphics || _m.Modes.Insert)
        {
            foreach (var b in text) PrintCell(_m.CharsetGraphics ? DecGraphics.Map(b) : b, 1);
            return;
        }
        var cols = Cols;
        var pen = _m.Pen;
        while (text.Length > 0)
        {
            if (_m.PendingWrap) Wrap();
            var row = Grid.Lines[_m.Y];
            var x = _m.X;
            var n = Math.Min(cols - x, text.Length);
            var fits = text.Length == n || _m.Modes.AutoWrap;
            if (!fits || !row.TryAppendAscii(x, text, n, pen.Fg, pen.Bg, pen.Attr)) WriteCells(row.Cells, x, text, n, pen, fits);
            else _m.LastPrinted = text[n - 1];
            if (!fits) return;
            text = text[n..];
            x += n;
            if (x >= cols)
            {
                _m.X = cols - 1;
                _m.PendingWrap = _m.Modes.AutoWrap;
            }
            else
            {
                _m.X = x;
            }
        }
    }

    /// <summary>Writes the first <paramref name="n"/> characters into cells; without autowrap (<paramref name="fits"/> false) the excess overwrites the last column.</summary>
    private void WriteCells(Cell[] cells, int x, ReadOnlySpan<byte> text, int n, Pen pen, bool fits)
    {
        if (fits)
        {
            WriteRun(cells, x, text[..n], pen);
            _m.LastPrinted = text[n - 1];
            return;
        }
        // Without autowrap the excess overwrites the last column: only the final character survives.
        var cols = cells.Length;
        WriteRun(cells, x, text[..(n - 1)], pen);
        WriteRun(cells, cols - 1, text[^1..], pen);
        _m.LastPrinted = text[^1];
        _m.X = cols - 1;
    }

    private static void WriteRun(Cell[] cells, int x, ReadOnlySpan<byte> text, Pen pen)
    {
        if (text.Length == 0) return;
        FixWideEdges(cells, x, x + text.Length);
        var row = cells.AsSpan(x, text.Length);
        var fg = pen.Fg;
        var bg = pen.Bg;
        var attr = pen.Attr;
        for (var i = 0; i < row.Length; i++)
        {
            ref var c = ref row[i];
            c.Code = text[i];
            c.Fg = fg;
            c.Bg = bg;
            c.Attr = attr;
        }
    }

    /// <summary>Before cells [from, to) are overwritten, blank the other half of any wide character cut in two.</summary>
    private static void FixWideEdges(Cell[] cells, int from, int to)
    {
        if (from < cells.Length && (cells[from].Attr & AttrBits.WideTail) != 0 && from > 0) cells[from - 1] = Cell.Blank(cells[from - 1].Bg);
        if (to - 1 >= 0 && to - 1 < cells.Length && (cells[to - 1].Attr & AttrBits.Wide) != 0 && to < cells.Length) cells[to] = Cell.Blank(cells[to].Bg);
    }

    /// <summary>Prints one non-ASCII scalar: width from Wcwidth, 0-width marks join the previous cell.</summary>
    public void Print(int codePoint)
    {
        var width = CharWidth.Of(codePoint);
        if (width == 0)
        {
            Combine(codePoint);
            return;
        }
        if (width < 0) return;
        PrintCell(codePoint, width);
    }

    /// <summary>Writes one character of width 1 or 2 at the cursor, wrapping and inserting as the modes say.</summary>
    private void PrintCell(int code, int width)
    {
        var cols = Cols;
        if (width > cols) return;
        if (_m.PendingWrap) Wrap();
        if (width == 2 && _m.X == cols - 1)
        {
            if (_m.Modes.AutoWrap)
            {
                var last = Grid.Lines[_m.Y].Cells;
                FixWideEdges(last, cols - 1, cols);
                last[cols - 1] = Cell.Blank(last[cols - 1].Bg);
                Wrap();
            }
            else
            {
                _m.X = cols - 2;
            }
        }
        if (_m.Modes.Insert) InsertBlanks(width);
        var cells = Grid.Lines[_m.Y].Cells;
        var x = _m.X;
        FixWideEdges(cells, x, x + width);
        var pen = _m.Pen;
        if (width == 1)
        {
            cells[x] = new Cell(code, pen.Fg, pen.Bg, pen.Attr);
        }
        else
        {
            cells[x] = new Cell(code, pen.Fg, pen.Bg, pen.Attr | AttrBits.Wide);
            cells[x + 1] = new Cell(0, pen.Fg, pen.Bg, pen.Attr | AttrBits.WideTail);
        }
        _m.LastPrinted = code;
        x += width;
        if (x >= cols)
        {
            _m.X = cols - 1;
            _m.PendingWrap = _m.Modes.AutoWrap;
        }
        else
        {
            _m.X = x;
        }
    }

    /// <summary>Adds a zero-width mark to the character before the cursor (bounded cluster length).</summary>
    private void Combine(int mark)
    {
        var x = _m.PendingWrap ? _m.X : _m.X - 1;
        if (x < 0) return;
        var cells = Grid.Lines[_m.Y].Cells;
        if (cells[x].IsWideTail && x > 0) x--;
        ref var cell = ref cells[x];
        if (cell.Code == 0) return;
        var text = _m.Clusters.TextOf(cell.Code) + char.ConvertFromUtf32(mark);
        if (text.Length > 32) return;
        var id = _m.Clusters.Intern(text);
        if (id >= 0) cell.Code = ~id;
    }

    /// <summary>REP: repeats the last printed character (bounded by the screen area, so 1e9 is cheap).</summary>
    public void Repeat(int count)
    {
        var code = _m.LastPrinted;
        if (code == 0) return;
        count = Math.Min(count, Cols * RowCount);
        if (code < 0x80 && code >= 0x20)
        {
            Span<byte> one = [(byte)code];
            for (var i = 0; i < count; i++) PrintAscii(one);
            return;
        }
        var width = code < 0 ? 1 : CharWidth.Of(code);
        if (width <= 0) return;
        for (var i = 0; i < count; i++) PrintCell(code, width);
    }

    /// <summary>Autowrap: mark the row as continuing, then move to the start of the next line.</summary>
    private void Wrap()
    {
        Grid.Lines[_m.Y].Wrapped = true;
        _m.PendingWrap = false;
        _m.X = 0;
        Index();
    }

    /// <summary>IND: down one line, scrolling the region when at its bottom. Clears pending wrap, column kept (xterm.js, st; tmux differs).</summary>
    public void Index()
    {
        _m.PendingWrap = false;
        if (_m.Y == _m.Bottom)
        {
            var history = !_m.AlternateActive && _m.Top == 0 ? _m.History : null;
            Grid.ScrollUpOne(_m.Top, _m.Bottom, _m.Pen.Bg, history, _m.Clusters);
        }
        else if (_m.Y < RowCount - 1)
        {
            _m.Y++;
        }
    }

    /// <summary>LF/VT/FF: index, plus carriage return in LNM mode.</summary>
    public void LineFeed()
    {
        Index();
        if (_m.Modes.LineFeedNewLine)
        {
            _m.X = 0;
            _m.PendingWrap = false;
        }
    }

    /// <summary>RI: up one line, scrolling the region down when at its top.</summary>
    public void ReverseIndex()
    {
        _m.PendingWrap = false;
        if (_m.Y == _m.Top) Grid.ScrollDown(_m.Top, _m.Bottom, 1, _m.Pen.Bg);
        else if (_m.Y > 0) _m.Y--;
    }

    public void NextLine()
    {
        Index();
        _m.X = 0;
        _m.PendingWrap = false;
    }

    public void CarriageReturn()
    {
        _m.PendingWrap = false;
        _m.X = 0;
    }

    /// <summary>BS; from the pending-wrap state it still moves left, as xterm's CursorBack does (vttest menu 1, autowrap screen).</summary>
    public void Backspace()
    {
        _m.PendingWrap = false;
        if (_m.X > 0) _m.X--;
    }

    /// <summary>HT / CHT: forward to the n-th next tab stop (or the last column).</summary>
    public void Tab(int n)
    {
        _m.PendingWrap = false;
        var x = _m.X;
        var tabs = _m.TabStops;
        for (var i = 0; i < n && x < Cols - 1; i++)
        {
            x++;
            while (x < Cols - 1 && !tabs[x]) x++;
        }
        _m.X = x;
    }

    /// <summary>CBT: back to the n-th previous tab stop (or column 0).</summary>
    public void BackTab(int n)
    {
        _m.PendingWrap = false;
        var x = _m.X;
        var tabs = _m.TabStops;
        for (var i = 0; i < n && x > 0; i++)
        {
            x--;
            while (x > 0 && !tabs[x]) x--;
        }
        _m.X = x;
    }

    /// <summary>HTS.</summary>
    public void SetTabStop() => _m.TabStops[_m.X] = true;

    /// <summary>TBC: 0 clears the stop at the cursor, 3 clears all.</summary>
    public void ClearTabStop(int mode)
    {
        if (mode == 0) _m.TabStops[_m.X] = false;
        else if (mode == 3) Array.Clear(_m.TabStops);
    }
}
