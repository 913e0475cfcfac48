// Resizing the main screen: soft-wrapped lines (history included) are re-wrapped to the new width.
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

/// <summary>
/// Joins rows linked by <see cref="Row.Wrapped"/> into logical lines and splits them again at the
/// new width, streaming so a huge logical line never needs more than a bounded buffer. The tracked
/// point (the cursor) keeps its place in its logical line. Rows that no longer fit go to history;
/// when the screen grows and was full, history comes back down.
/// </summary>
internal sealed class Reflow
{
    private readonly ScreenModel _m;
    private readonly int _cols;
    private Cell[] _acc = new Cell[256];
    private int _start;
    private int _end;
    private long _emitted;        // cells of the current logical line already emitted as rows
    private long _cursorOffset = -1;
    private bool _toHistory;
    private readonly Scrollback _history;
    private readonly List<Row> _screen = [];
    private int _cursorRow = -1;
    private int _cursorCol;

    private Reflow(ScreenModel m, int cols, Scrollback history)
    {
        _m = m;
        _cols = cols;
        _history = history;
    }

    /// <summary>Resizes the main grid and history; returns the tracked point's new position.</summary>
    public static (int X, int Y) Apply(ScreenModel m, int cols, int rows, int px, int py)
    {
        var main = m.Main;
        var sameWidth = cols == main.Columns;
        var history = sameWidth ? m.History : new Scrollback(m.Options.ScrollbackBytes, m.Options.ScrollbackLines);
        var r = new Reflow(m, cols, history);
        if (!sameWidth) r.StreamHistory();
        var oldFull = py == main.Rows - 1 || main.Lines[main.Rows - 1].ContentLength() > 0;
        r.StreamScreen(px, py);
        r.Fit(rows, oldFull);
        m.History = history;
        main.Replace([.. r._screen], cols);
        return (Math.Min(r._cursorCol, cols - 1), r._cursorRow);
    }

    private void StreamHistory()
    {
        _toHistory = true;
        var old = _m.History;
        var buffer = new Cell[Math.Max(1, _m.Main.Columns)];
        for (var i = 0; i < old.Count; i++)
        {
            var data = old.Encoded(i, out var wrapped);
            var n = LineCodec.CellCount(data);
            if (buffer.Length < n) buffer = new Cell[n];
            LineCodec.Decode(data, buffer.AsSpan(0, n), _m.Clusters);
            Append(buffer.AsSpan(0, n));
            if (!wrapped) Finish();
        }
        _toHistory = false;
    }

    private void StreamScreen(int px, int py)
    {
        var main = _m.Main;
        for (var y = 0; y < main.Rows; y++)
        {
            var row = main.Lines[y];
            var length = row.Wrapped ? main.Columns : row.ContentLength();
            if (y == py) _cursorOffset = _emitted + (_end - _start) + px;
            Append(row.Cells.AsSpan(0, length));
            if (!row.Wrapped || y == main.Rows - 1) Finish();
        }
    }

    private void Append(ReadOnlySpan<Cell> cells)
    {
        if (_end + cells.Length > _acc.Length) Compact(cells.Length);
        cells.CopyTo(_acc.AsSpan(_end));
        _end += cells.Length;
        while (_end - _start > _cols) EmitRow(wrapped: true);
    }

    private void Compact(int extra)
    {
        var live = _end - _start;
        var size = _acc.Length;
        while (size < live + extra) size *= 2;
        var target = size == _acc.Length ? _acc : new Cell[size];
        Array.Copy(_acc, _start, target, 0, live);
        _acc = target;
        _start = 0;
        _end = live;
    }

    /// <summary>Emits one row from the front of the buffer, not splitting a wide character.</summary>
    private void EmitRow(bool wrapped)
    {
        var take = Math.Min(_cols, _end - _start);
        if (wrapped && take == _cols && _acc[_start + take - 1].IsWide) take--;
        if (take == 0 && wrapped) take = 1; // a 1-column screen cannot hold a wide character; drop it
        var row = new Row(_cols);
        _acc.AsSpan(_start, take).CopyTo(row.Cells);
        Sanitize(row.Cells);
        row.Wrapped = wrapped;
        if (_cursorOffset >= _emitted && (_cursorOffset < _emitted + take || !wrapped))
        {
            _cursorRow = _screen.Count;
            _cursorCol = (int)Math.Min(_cursorOffset - _emitted, _cols - 1);
            _cursorOffset = -1;
        }
        _emitted += take;
        _start += take;
        Output(row);
    }

    /// <summary>Blanks any half of a wide character whose other half ended up on another row.</summary>
    private static void Sanitize(Cell[] cells)
    {
        for (var x = 0; x < cells.Length; x++)
        {
            ref var c = ref cells[x];
            if (c.IsWide && (x + 1 >= cells.Length || !cells[x + 1].IsWideTail)) c = Cell.Blank(c.Bg);
            else if (c.IsWideTail && (x == 0 || !cells[x - 1].IsWide)) c = Cell.Blank(c.Bg);
        }
    }

    private void Output(Row row)
    {
        if (_toHistory) _history.Append(row.Cells, row.Wrapped, _m.Clusters);
        else _screen.Add(row);
    }

    /// <summary>Ends a logical line: its remaining cells form the last, non-wrapped row.</summary>
    private void Finish()
    {
        EmitRow(wrapped: false);
        _start = _end = 0;
        _emitted = 0;
    }

    /// <summary>Trims, pushes to history or pulls from history until the screen has exactly <paramref name="rows"/> rows.</summary>
    private void Fit(int rows, bool oldFull)
    {
        if (_cursorRow < 0) _cursorRow = Math.Max(0, _screen.Count - 1);
        var lastKeep = _cursorRow;
        for (var i = _screen.Count - 1; i > lastKeep; i--)
        {
            if (_screen[i].ContentLength() > 0 || _screen[i].Wrapped || _screen[i - 1].Wrapped) lastKeep = i;
        }
        while (_screen.Count > rows && _screen.Count - 1 > lastKeep) _screen.RemoveAt(_screen.Count - 1);
        var push = Math.Min(_screen.Count - rows, _cursorRow);
        for (var i = 0; i < push; i++) _history.Append(_screen[i].Cells, _screen[i].Wrapped, _m.Clusters);
        if (push > 0)
        {
            _screen.RemoveRange(0, push);
            _cursorRow -= push;
        }
        if (_screen.Count > rows) _screen.RemoveRange(rows, _screen.Count - rows);
        if (oldFull) PullHistory(rows);
        while (_screen.Count < rows) _screen.Add(new Row(_cols));
        _cursorRow = Math.Min(_cursorRow, rows - 1);
    }

    private void PullHistory(int rows)
    {
        while (_screen.Count < rows && _history.Count > 0)
        {
            var row = new Row(_cols);
            row.Wrapped = _history.PopNewest(row.Cells, _m.Clusters);
            _screen.Insert(0, row);
            _cursorRow++;
        }
    }
}
