// Erase, insert, delete and scroll operations (ED/EL/ECH/ICH/DCH/IL/DL/SU/SD, DECALN).
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

internal sealed partial class ScreenWriter
{
    /// <summary>Blanks cells [from, to) of a row with the pen's background, splitting wide characters cleanly.</summary>
    private void ClearCells(Row row, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(Cols, to);
        if (from >= to) return;
        FixWideEdges(row.Cells, from, to);
        row.Cells.AsSpan(from, to - from).Fill(Cell.Blank(_m.Pen.Bg));
    }

    private void ClearRow(Row row)
    {
        row.Clear(_m.Pen.Bg);
    }

    /// <summary>
    /// In the pending-wrap state the cursor logically sits past the last column (tmux and xterm.js keep
    /// it at x = columns), so erasing "from the cursor" starts after it. Erases leave pending wrap alone.
    /// </summary>
    private int EraseStart => _m.PendingWrap ? Cols : _m.X;

    /// <summary>ED 0/1/2/3.</summary>
    public void EraseInDisplay(int mode)
    {
        var g = Grid;
        switch (mode)
        {
            case 0:
                ClearCells(g.Lines[_m.Y], EraseStart, Cols);
                g.Lines[_m.Y].Wrapped = false;
                for (var y = _m.Y + 1; y < RowCount; y++) ClearRow(g.Lines[y]);
                break;
            case 1:
                for (var y = 0; y < _m.Y; y++) ClearRow(g.Lines[y]);
                ClearCells(g.Lines[_m.Y], 0, _m.X + 1);
                break;
            case 2:
                for (var y = 0; y < RowCount; y++) ClearRow(g.Lines[y]);
                break;
            case 3:
                if (!_m.AlternateActive) _m.History.Clear();
                return;
        }
    }

    /// <summary>EL 0/1/2.</summary>
    public void EraseInLine(int mode)
    {
        var row = Grid.Lines[_m.Y];
        switch (mode)
        {
            case 0:
                ClearCells(row, EraseStart, Cols);
                row.Wrapped = false;
                break;
            case 1:
                ClearCells(row, 0, _m.X + 1);
                break;
            case 2:
                ClearCells(row, 0, Cols);
                row.Wrapped = false;
                break;
        }
    }

    /// <summary>ECH: blanks n cells from the cursor; leaves the cursor and pending wrap alone.</summary>
    public void EraseChars(int n) => ClearCells(Grid.Lines[_m.Y], _m.X, _m.X + Math.Min(n, Cols));

    /// <summary>ICH: shifts the rest of the line right by n, blanks entering at the cursor.</summary>
    public void InsertChars(int n)
    {
        _m.PendingWrap = false;
        InsertBlanks(n);
    }

    private void InsertBlanks(int n)
    {
        var cells = Grid.Lines[_m.Y].Cells;
        var x = _m.X;
        n = Math.Min(n, Cols - x);
        if (cells[x].IsWideTail && x > 0) cells[x - 1] = Cell.Blank(cells[x - 1].Bg);
        if (cells[x].IsWideTail) cells[x] = Cell.Blank(cells[x].Bg);
        Array.Copy(cells, x, cells, x + n, Cols - x - n);
        cells.AsSpan(x, n).Fill(Cell.Blank(_m.Pen.Bg));
        if (cells[Cols - 1].IsWide) cells[Cols - 1] = Cell.Blank(cells[Cols - 1].Bg);
    }

    /// <summary>DCH: deletes n cells at the cursor, blanks entering at the right.</summary>
    public void DeleteChars(int n)
    {
        _m.PendingWrap = false;
        var cells = Grid.Lines[_m.Y].Cells;
        var x = _m.X;
        n = Math.Min(n, Cols - x);
        if (cells[x].IsWideTail && x > 0) cells[x - 1] = Cell.Blank(cells[x - 1].Bg);
        Array.Copy(cells, x + n, cells, x, Cols - x - n);
        cells.AsSpan(Cols - n, n).Fill(Cell.Blank(_m.Pen.Bg));
        if (cells[x].IsWideTail) cells[x] = Cell.Blank(cells[x].Bg);
    }

    /// <summary>IL: inserts n blank lines at the cursor row inside the scroll region.</summary>
    public void InsertLines(int n)
    {
        if (_m.Y < _m.Top || _m.Y > _m.Bottom) return;
        Grid.ScrollDown(_m.Y, _m.Bottom, n, _m.Pen.Bg);
        MoveTo(0, _m.Y);
    }

    /// <summary>DL: deletes n lines at the cursor row inside the scroll region.</summary>
    public void DeleteLines(int n)
    {
        if (_m.Y < _m.Top || _m.Y > _m.Bottom) return;
        Grid.ScrollUp(_m.Y, _m.Bottom, n, _m.Pen.Bg, null, _m.Clusters);
        MoveTo(0, _m.Y);
    }

    /// <summary>SU: scrolls the region up; lines leaving a top-anchored main-screen region go to history.</summary>
    public void ScrollUp(int n)
    {
        var history = !_m.AlternateActive && _m.Top == 0 ? _m.History : null;
        Grid.ScrollUp(_m.Top, _m.Bottom, n, _m.Pen.Bg, history, _m.Clusters);
    }

    /// <summary>SD.</summary>
    public void ScrollDown(int n) => Grid.ScrollDown(_m.Top, _m.Bottom, n, _m.Pen.Bg);

    /// <summary>DECALN: fills the screen with 'E', resets margins, homes the cursor.</summary>
    public void AlignmentTest()
    {
        foreach (var row in Grid.Lines)
        {
            row.Cells.AsSpan().Fill(new Cell('E', 0, 0, 0));
            row.Wrapped = false;
        }
        _m.Top = 0;
        _m.Bottom = RowCount - 1;
        MoveTo(0, 0);
    }
}
