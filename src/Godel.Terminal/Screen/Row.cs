// One screen row: a flat cell array plus the soft-wrap flag used by reflow.
using System.Runtime.InteropServices;

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
        // A default blank cell is all zero bytes, so a vectorized search finds the end of the content.
        var last = MemoryMarshal.AsBytes(Cells.AsSpan()).LastIndexOfAnyExcept((byte)0);
        return last < 0 ? 0 : (last / 16) + 1;
    }
}
