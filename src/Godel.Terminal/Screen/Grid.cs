// The visible rows of one buffer; scrolling rotates row references instead of copying cells.
namespace Godel.Terminal.Screen;

/// <summary>
/// Rows are indexed 0..Rows-1 from the top of the visible screen (history lives in <see cref="Scrollback"/>).
/// Every row has exactly <see cref="Columns"/> cells.
/// </summary>
internal sealed class Grid
{
    public Grid(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        Lines = new Row[rows];
        for (var i = 0; i < rows; i++) Lines[i] = new Row(columns);
    }

    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public Row[] Lines { get; private set; }

    public Row this[int row] => Lines[row];

    /// <summary>Scrolls rows top..bottom (inclusive) up by n; the rows leaving at the top go to <paramref name="history"/> when given.</summary>
    public void ScrollUp(int top, int bottom, int n, uint bg, Scrollback? history, ClusterTable clusters)
    {
        var height = bottom - top + 1;
        if (n > height) n = height;
        if (n <= 0) return;
        var moved = new Row[n];
        for (var i = 0; i < n; i++)
        {
            var row = Lines[top + i];
            history?.Append(row, clusters);
            row.Clear(bg);
            moved[i] = row;
        }
        Array.Copy(Lines, top + n, Lines, top, height - n);
        for (var i = 0; i < n; i++) Lines[bottom - n + 1 + i] = moved[i];
    }

    /// <summary>Scrolls rows top..bottom down by n, blank rows entering at the top.</summary>
    public void ScrollDown(int top, int bottom, int n, uint bg)
    {
        var height = bottom - top + 1;
        if (n > height) n = height;
        if (n <= 0) return;
        var moved = new Row[n];
        for (var i = 0; i < n; i++)
        {
            var row = Lines[bottom - i];
            row.Clear(bg);
            moved[i] = row;
        }
        Array.Copy(Lines, top, Lines, top + n, height - n);
        for (var i = 0; i < n; i++) Lines[top + i] = moved[i];
    }

    /// <summary>Scrolls exactly one line up over the full width; the hot path for LF at the bottom.</summary>
    public void ScrollUpOne(int top, int bottom, uint bg, Scrollback? history, ClusterTable clusters)
    {
        var row = Lines[top];
        history?.Append(row, clusters);
        row.Clear(bg);
        Array.Copy(Lines, top + 1, Lines, top, bottom - top);
        Lines[bottom] = row;
    }

    /// <summary>Clips or pads to a new size without reflow (the alternate screen's rule).</summary>
    public void ResizeClip(int columns, int rows)
    {
        if (columns != Columns)
        {
            foreach (var row in Lines)
            {
                var cells = new Cell[columns];
                row.Cells.AsSpan(0, Math.Min(columns, Columns)).CopyTo(cells);
                if (columns < Columns && cells[columns - 1].IsWide) cells[columns - 1] = Cell.Blank(cells[columns - 1].Bg);
                row.Cells = cells;
                row.Wrapped = false;
            }
        }
        if (rows != Rows)
        {
            var lines = new Row[rows];
            for (var i = 0; i < rows; i++) lines[i] = i < Rows ? Lines[i] : new Row(columns);
            Lines = lines;
        }
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Replaces all rows (used by reflow).</summary>
    public void Replace(Row[] lines, int columns)
    {
        Lines = lines;
        Rows = lines.Length;
        Columns = columns;
    }

    public void Clear()
    {
        foreach (var row in Lines) row.Clear(0);
    }
}
