// One screen row: a flat cell array plus the soft-wrap flag used by reflow.
namespace Godel.Terminal.Screen;

/// <summary>A row of the visible grid. Rows are recycled when they scroll off, never reallocated per line.</summary>
internal sealed class Row
{
    public Row(int columns, uint bg = 0)
    {
        Cells = new Cell[columns];
        if (bg != 0) Cells.AsSpan().Fill(Cell.Blank(bg));
    }

    public Cell[] Cells;

    /// <summary>True when this row's text continues on the next row (autowrap happened here).</summary>
    public bool Wrapped;

    public void Clear(uint bg)
    {
        if (bg == 0) Cells.AsSpan().Clear();
        else Cells.AsSpan().Fill(Cell.Blank(bg));
        Wrapped = false;
    }

    /// <summary>Number of cells up to the last non-blank one (blanks with a colour count as content).</summary>
    public int ContentLength()
    {
        var cells = Cells;
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            ref var c = ref cells[i];
            if (c.Code != 0 || c.Bg != 0 || c.Attr != 0 || c.Fg != 0) return i + 1;
        }
        return 0;
    }
}
