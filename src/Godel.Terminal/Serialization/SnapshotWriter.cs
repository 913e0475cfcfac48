// Serializes a whole terminal (history, both buffers, cursor, pen, modes, title) as VT bytes a fresh emulator replays.
using System.Buffers;
using System.Text;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Serialization;

/// <summary>
/// The output starts with RIS and then only uses sequences this emulator implements, in an order
/// where nothing later disturbs what came before: buffers first (alternate, then main with its
/// history, scrolled in by line feeds), saved cursors, modes, margins, the cursor with its pending
/// wrap, and last the pen. Blank cells stay blank (cursor moves and ECH), never become spaces.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly ScreenModel _m;
    private readonly ArrayBufferWriter<byte> _out = new(4096);
    private StyleKey _style; // the pen the receiving emulator has now

    private SnapshotWriter(ScreenModel m) => _m = m;

    private readonly record struct StyleKey(uint Fg, uint Bg, uint Attr, uint Underline, int Link);

    public static byte[] Write(ScreenModel m)
    {
        var w = new SnapshotWriter(m);
        w.WriteAll();
        return w._out.WrittenSpan.ToArray();
    }

    private void WriteAll()
    {
        Raw("\ec");
        if (_m.AlternateActive || _m.SavedAlternate.Valid || HasContent(_m.Alternate))
        {
            Raw("\e[?47h");
            DrawRows(_m.Alternate.Lines, history: false);
            WriteSaved(_m.SavedAlternate);
            Raw("\e[?47l\e[H");
        }
        DrawRows(_m.Main.Lines, history: true);
        WriteSaved(_m.SavedMain);
        if (_m.AlternateActive) Raw("\e[?47h");
        WriteTabs();
        WriteModes();
        WriteTitle();
        WriteCursor();
        SetStyle(PenKey(_m.Pen));
        WriteCharsets(_m.G0Graphics, _m.G1Graphics, _m.ShiftOut);
        WriteLateModes();
    }

    private static bool HasContent(Grid g)
    {
        foreach (var row in g.Lines) if (row.ContentLength() > 0) return true;
        return false;
    }

    /// <summary>Writes history (main only) then the rows, moving between lines by autowrap or CR LF as the source did.</summary>
    private void DrawRows(Row[] rows, bool history)
    {
        var previous = new Cell[_m.Columns];
        var current = new Cell[_m.Columns];
        var previousWrapped = false;
        var index = 0;
        var historyCount = history ? _m.History.Count : 0;
        var buffer = new Cell[_m.Columns];
        for (var k = 0; k < historyCount + rows.Length; k++)
        {
            bool wrapped;
            if (k < historyCount)
            {
                var need = Math.Max(_m.Columns, LineCodec.CellCount(_m.History.Encoded(k, out _)));
                if (buffer.Length < need) buffer = new Cell[need];
                wrapped = _m.History.Read(k, buffer, _m.Clusters);
                buffer.AsSpan(0, _m.Columns).CopyTo(current);
            }
            else
            {
                var y = k - historyCount;
                rows[y].Cells.CopyTo(current, 0);
                wrapped = rows[y].Wrapped && y < rows.Length - 1;
            }
            var start = index == 0 ? 0 : NextLine(previous, previousWrapped, current);
            DrawLine(current, start);
            (previous, current) = (current, previous);
            previousWrapped = wrapped;
            index++;
        }
    }

    /// <summary>
    /// Moves from the previous line to the next one and returns the column drawing continues at.
    /// A hard break is CR LF. A soft wrap must happen by printing in the pending-wrap state (so the
    /// receiver marks the row wrapped), with the default pen so a scroll clears the new row to the
    /// default background. A blank last column is recreated with ECH while the cursor is not pending
    /// (xterm.js cancels pending wrap on ECH) by going back up to the row just left.
    /// </summary>
    private int NextLine(Cell[] previous, bool previousWrapped, Cell[] next)
    {
        var cols = previous.Length;
        if (!previousWrapped)
        {
            SetStyle(default);
            Raw("\r\n");
            return 0;
        }
        var last = previous[^1];
        if (!last.IsBlank)
        {
            WrapWithSpace(); // drawing the last cell left the cursor pending
            return 0;
        }
        var blank = new StyleKey(0, last.Bg, 0, 0, 0);
        if (_m.Rows == 1)
        {
            Raw($"\e[{cols}G");
            SetStyle(blank);
            Raw(" ");
            WrapPastErasedLastColumn(cols);
            return 0;
        }
        if (next[0].IsWide && next[0].Bg == 0)
        {
            // A wide character that does not fit wraps by itself and leaves the last column blank; xterm
            // fills that column with the character's own style, so it is erased again from the row below.
            Raw($"\e[{cols}G");
            SetStyle(blank);
            Raw("\e[X");
            SetStyle(CellKey(next[0]));
            Text(next[0].Code);
            Raw($"\e[A\e[{cols}G");
            SetStyle(blank);
            Raw("\e[X\e[B\r");
            SetStyle(CellKey(next[0]));
            Text(next[0].Code); // printed again: leaves the cursor where the wrap did (pending at 2 columns)
            return 2;
        }
        Raw($"\e[{cols}G");
        SetStyle(blank);
        Raw(" ");
        WrapWithSpace();
        Raw($"\e[A\e[{cols}G");
        SetStyle(blank);
        Raw("\e[X\e[B\r");
        return 0;
    }

    /// <summary>
    /// A 1-row screen: the row leaves the screen with the wrap, so its last column is erased before
    /// wrapping, whatever the next row starts with. ECH ends pending wrap in xterm but not in Godel or
    /// tmux; a wide character printed with the blank's pen then wraps in both cases (from pending wrap,
    /// or because it does not fit in the last column, which xterm fills with that pen). The scroll clears
    /// the new row to that pen's background too, so the whole new row is erased again with the default
    /// pen; ECH, because EL from column 0 also clears xterm.js's "continues the previous line" flag.
    /// </summary>
    private void WrapPastErasedLastColumn(int cols)
    {
        Raw("\e[X");
        if (cols < 2)
        {
            WrapWithSpace(); // no room for a wide character: still relies on ECH keeping pending wrap
            return;
        }
        Raw("\u4E2D");
        SetStyle(default);
        Raw($"\r\e[{cols}X");
    }

    /// <summary>From the pending-wrap state: a default-pen space wraps to the next row, then is erased.</summary>
    private void WrapWithSpace()
    {
        SetStyle(default);
        Raw(" \r\e[X");
    }

    private void DrawLine(ReadOnlySpan<Cell> cells, int start)
    {
        var length = ContentLength(cells);
        var x = start;
        while (x < length)
        {
            var c = cells[x];
            if (c.IsBlank)
            {
                x = DrawBlanks(cells, x, length);
                continue;
            }
            if (c.IsWideTail)
            {
                x++;
                continue;
            }
            SetStyle(CellKey(c));
            Text(c.Code);
            x += c.IsWide ? 2 : 1;
        }
    }

    /// <summary>A run of blank cells: erased with their colour (ECH keeps the cursor), then skipped over.</summary>
    private int DrawBlanks(ReadOnlySpan<Cell> cells, int x, int length)
    {
        var bg = cells[x].Bg;
        var end = x;
        while (end < length && cells[end].IsBlank && cells[end].Bg == bg) end++;
        var n = end - x;
        if (bg != 0)
        {
            SetStyle(new StyleKey(0, bg, 0, 0, _style.Link));
            Raw($"\e[{n}X");
        }
        if (end < cells.Length) Raw($"\e[{n}C");
        return end;
    }

    /// <summary>Puts the cursor in the pending-wrap state over a blank last column: print, then erase it.</summary>
    private void PendingWrapOnBlank(uint bg, int columns)
    {
        SetStyle(new StyleKey(0, bg, 0, 0, 0));
        Raw($"\e[{columns}G \e[X");
    }

    private static int ContentLength(ReadOnlySpan<Cell> cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            ref readonly var c = ref cells[i];
            if (c.Code != 0 || c.Bg != 0 || c.Fg != 0 || c.Attr != 0) return i + 1;
        }
        return 0;
    }

    private void WriteSaved(SavedCursor s)
    {
        if (!s.Valid) return;
        if (s.Origin) Raw("\e[?6h");
        Raw($"\e[{s.Y + 1};{s.X + 1}H");
        SetStyle(PenKey(s.Pen));
        WriteCharsets(s.G0Graphics, s.G1Graphics, s.ShiftOut);
        Raw("\e7");
        WriteCharsets(false, false, false);
        if (s.Origin) Raw("\e[?6l");
    }

    private void WriteCharsets(bool g0, bool g1, bool shiftOut)
    {
        Raw(g0 ? "\e(0" : "\e(B");
        Raw(g1 ? "\e)0" : "\e)B");
        Raw(shiftOut ? "\x0e" : "\x0f");
    }

    private void WriteTabs()
    {
        var defaults = ScreenModel.DefaultTabs(_m.Columns);
        if (_m.TabStops.AsSpan().SequenceEqual(defaults)) return;
        Raw("\e[3g");
        for (var x = 0; x < _m.TabStops.Length; x++)
        {
            if (_m.TabStops[x]) Raw($"\e[{x + 1}G\eH");
        }
    }

    private void WriteModes()
    {
        var md = _m.Modes;
        if (md.ApplicationCursorKeys) Raw("\e[?1h");
        if (md.ReverseVideo) Raw("\e[?5h");
        if (md.MouseX10) Raw("\e[?9h");
        if (md.CursorBlink) Raw("\e[?12h");
        if (md.ApplicationKeypad) Raw("\e=");
        switch (md.Mouse)
        {
            case MouseTracking.Normal: Raw("\e[?1000h"); break;
            case MouseTracking.ButtonEvent: Raw("\e[?1002h"); break;
            case MouseTracking.AnyEvent: Raw("\e[?1003h"); break;
        }
        if (md.FocusEvents) Raw("\e[?1004h");
        if (md.Utf8Mouse) Raw("\e[?1005h");
        if (md.SgrMouse) Raw("\e[?1006h");
        if (md.UrxvtMouse) Raw("\e[?1015h");
        if (md.BracketedPaste) Raw("\e[?2004h");
        if (md.SynchronizedOutput) Raw("\e[?2026h");
        if (md.LineFeedNewLine) Raw("\e[20h");
        if (_m.CursorStyle != 0) Raw($"\e[{_m.CursorStyle} q");
    }

    private void WriteTitle()
    {
        if (_m.IconName.Length > 0) Raw($"\e]1;{_m.IconName}\a");
        if (_m.Title.Length > 0) Raw($"\e]2;{_m.Title}\a");
    }

    /// <summary>Margins, origin mode, position, and the pending-wrap state (reprinting the last column's cell).</summary>
    private void WriteCursor()
    {
        if (_m.Top != 0 || _m.Bottom != _m.Rows - 1) Raw($"\e[{_m.Top + 1};{_m.Bottom + 1}r");
        var row = _m.Y;
        if (_m.Modes.Origin)
        {
            Raw("\e[?6h");
            row -= _m.Top;
        }
        if (!_m.PendingWrap)
        {
            Raw($"\e[{row + 1};{_m.X + 1}H");
            return;
        }
        var cells = _m.Active.Lines[_m.Y].Cells;
        var last = cells[^1];
        if (last.IsWideTail && cells.Length >= 2)
        {
            Raw($"\e[{row + 1};{cells.Length - 1}H");
            SetStyle(CellKey(cells[^2]));
            Text(cells[^2].Code);
        }
        else if (last.IsBlank)
        {
            Raw($"\e[{row + 1};{cells.Length}H");
            PendingWrapOnBlank(last.Bg, cells.Length);
        }
        else
        {
            Raw($"\e[{row + 1};{cells.Length}H");
            SetStyle(CellKey(last));
            Text(last.Code);
        }
    }

    private void WriteLateModes()
    {
        if (_m.Modes.Insert) Raw("\e[4h");
        if (!_m.Modes.AutoWrap) Raw("\e[?7l");
        if (!_m.Modes.CursorVisible) Raw("\e[?25l");
    }

    private StyleKey CellKey(Cell c)
    {
        var (ul, link) = _m.Extras.Get(AttrBits.Extra(c.Attr));
        return new StyleKey(c.Fg, c.Bg, c.Attr & AttrBits.FlagsMask | (c.Attr & AttrBits.UnderlineMask), ul, link);
    }

    private static StyleKey PenKey(Pen p) => new(p.Fg, p.Bg, p.Attr & (AttrBits.FlagsMask | AttrBits.UnderlineMask), p.UnderlineColor, p.Link);

    /// <summary>Emits SGR (always from 0) and OSC 8 when the receiving pen differs.</summary>
    private void SetStyle(StyleKey k)
    {
        if (k == _style) return;
        if (k.Link != _style.Link)
        {
            var (id, uri) = _m.Extras.GetLink(k.Link);
            Raw(k.Link == 0 ? "\e]8;;\e\\" : $"\e]8;{(id.Length > 0 ? "id=" + id : "")};{uri}\e\\");
        }
        if (k with { Link = 0 } != _style with { Link = 0 }) Raw(SgrFor(k));
        _style = k;
    }

    private static string SgrFor(StyleKey k)
    {
        var sb = new StringBuilder("\e[0");
        var f = (CellAttributes)(k.Attr & AttrBits.FlagsMask);
        if (f.HasFlag(CellAttributes.Bold)) sb.Append(";1");
        if (f.HasFlag(CellAttributes.Dim)) sb.Append(";2");
        if (f.HasFlag(CellAttributes.Italic)) sb.Append(";3");
        if (f.HasFlag(CellAttributes.Blink)) sb.Append(";5");
        if (f.HasFlag(CellAttributes.RapidBlink)) sb.Append(";6");
        if (f.HasFlag(CellAttributes.Inverse)) sb.Append(";7");
        if (f.HasFlag(CellAttributes.Hidden)) sb.Append(";8");
        if (f.HasFlag(CellAttributes.Strikethrough)) sb.Append(";9");
        if (f.HasFlag(CellAttributes.Overline)) sb.Append(";53");
        var ul = AttrBits.Underline(k.Attr);
        if (ul != 0) sb.Append(";4:").Append(ul);
        AppendColor(sb, 30, k.Fg);
        AppendColor(sb, 40, k.Bg);
        AppendColor(sb, 50, k.Underline);
        return sb.Append('m').ToString();
    }

    private static void AppendColor(StringBuilder sb, int @base, uint color)
    {
        switch (color >> 24)
        {
            case 1: sb.Append(';').Append(@base + 8).Append(":5:").Append(color & 0xFF); break;
            case 2: sb.Append(';').Append(@base + 8).Append(":2::").Append((color >> 16) & 0xFF).Append(':').Append((color >> 8) & 0xFF).Append(':').Append(color & 0xFF); break;
            case 3:
                var i = (int)(color & 0xF);
                sb.Append(';').Append(i < 8 ? @base + i : @base + 60 + i - 8);
                break;
        }
    }

    private void Text(int code)
    {
        if (code > 0 && code < 0x80)
        {
            _out.GetSpan(1)[0] = (byte)code;
            _out.Advance(1);
            return;
        }
        Raw(_m.Clusters.TextOf(code));
    }

    private void Raw(string s)
    {
        var span = _out.GetSpan(Encoding.UTF8.GetMaxByteCount(s.Length));
        _out.Advance(Encoding.UTF8.GetBytes(s, span));
    }
}
