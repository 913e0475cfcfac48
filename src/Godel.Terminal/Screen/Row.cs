// One screen row: either flat cells or, while output only appends ASCII to it, the compact line encoding.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Godel.Terminal.Screen;

/// <summary>
/// A row of the visible grid. Rows are recycled when they scroll off, never reallocated per line.
/// <para>
/// Streaming output (text appended left to right, then CR LF) is by far the commonest thing a pane
/// sees, and most of those rows leave for the history soon after. So a cleared row starts
/// <em>compact</em>: appended ASCII goes straight into <see cref="LineCodec"/> runs, and a compact
/// row enters the history as a copy of those bytes, with no cells written, cleared or re-encoded.
/// The first access to <see cref="Cells"/> decodes the runs into the cell array and the row stays
/// cell-backed until it is cleared again, so every other operation sees ordinary cells.
/// </para>
/// </summary>
internal sealed class Row
{
    private const int MaxKeptRunBytes = 16 * 1024;

    // Free bytes an append keeps beyond its text: a blank-gap and a style-run header (under 20) and a 16-byte move.
    private const int RunRoom = 48;

    private Cell[] _cells;
    private bool _compact;

    // Compact state: LineCodec runs (no cell-count header) covering _compactCells cells; the cells
    // after them are default blanks. The open style run's 2-byte count slot is at _runAt.
    private byte[] _runs = new byte[256];
    private int _runsLength;
    private int _compactCells;
    private int _runAt = -1;
    private int _runCells;
    private uint _runFg;
    private uint _runBg;
    private uint _runAttr;

    public Row(int columns, uint bg = 0)
    {
        _cells = new Cell[columns];
        if (bg != 0) _cells.AsSpan().Fill(Cell.Blank(bg));
        else _compact = true;
    }

    /// <summary>The cells; decodes a compact row first (it then stays cell-backed until cleared).</summary>
    public Cell[] Cells
    {
        get
        {
            if (_compact) Materialize();
            return _cells;
        }
        set
        {
            _cells = value;
            _compact = false;
        }
    }

    /// <summary>True while the row holds only appended runs (no cell array in use).</summary>
    public bool IsCompact => _compact;

    /// <summary>True when this row's text continues on the next row (autowrap happened here).</summary>
    public bool Wrapped;

    public void Clear(uint bg)
    {
        Wrapped = false;
        if (bg == 0)
        {
            // Compact and empty: nothing to clear; the cell array is cleared when it is next decoded into.
            // A row that once held thousands of tiny style runs gives that buffer back.
            if (_runs.Length > MaxKeptRunBytes) _runs = new byte[256];
            _compact = true;
            _runsLength = 0;
            _compactCells = 0;
            _runAt = -1;
            return;
        }
        _compact = false;
        _cells.AsSpan().Fill(Cell.Blank(bg));
    }

    /// <summary>Number of cells up to the last non-blank one (blanks with a colour count as content).</summary>
    public int ContentLength()
    {
        if (_compact) return _compactCells;
        // A default blank cell is all zero bytes, so a vectorized search finds the end of the content.
        var last = MemoryMarshal.AsBytes(_cells.AsSpan()).LastIndexOfAnyExcept((byte)0);
        return last < 0 ? 0 : (last / 16) + 1;
    }

    /// <summary>
    /// Writes the first <paramref name="n"/> bytes of <paramref name="data"/> (printable ASCII) at column
    /// <paramref name="x"/> with the given style when the row is compact and nothing at or after x has been
    /// written; false (nothing done) otherwise. The bytes after n are never written anywhere, but may be read,
    /// which lets a short word be copied in one 16-byte move.
    /// </summary>
    public bool TryAppendAscii(int x, ReadOnlySpan<byte> data, int n, uint fg, uint bg, uint attr)
    {
        if (!_compact || x < _compactCells || x + n > _cells.Length) return false;
        if (_runsLength + n + RunRoom > _runs.Length) Array.Resize(ref _runs, Math.Max(_runs.Length * 2, _runsLength + n + RunRoom));
        if (x != _compactCells || _runAt < 0 || fg != _runFg || bg != _runBg || attr != _runAttr) OpenRun(x, fg, bg, attr);
        var o = _runsLength;
        ref var dst = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_runs), o);
        ref var src = ref MemoryMarshal.GetReference(data);
        if (n <= 16 && data.Length >= 16)
        {
            // Colourised output prints a word or a space at a time: one unaligned 16-byte move beats a memmove call.
            // The bytes past n land in free room (ensured above) that the next append overwrites.
            Vector128.LoadUnsafe(ref src).StoreUnsafe(ref dst);
        }
        else if (n <= 8)
        {
            for (var k = 0; k < n; k++) Unsafe.Add(ref dst, k) = Unsafe.Add(ref src, k);
        }
        else
        {
            data[..n].CopyTo(_runs.AsSpan(o));
        }
        _runsLength = o + n;
        _runCells += n;
        _compactCells += n;
        if (_runCells >= LineCodec.MaxRunCells) CloseRun();
        return true;
    }

    /// <summary>Ends the open run and starts one in the given style, after a default-blank gap up to column x.</summary>
    private void OpenRun(int x, uint fg, uint bg, uint attr)
    {
        CloseRun();
        if (x > _compactCells)
        {
            LineCodec.WriteBlankRunHeader(_runs, ref _runsLength, x - _compactCells);
            _compactCells = x;
        }
        _runAt = _runsLength;
        _runsLength += 2;
        LineCodec.WriteStyleHeader(_runs, ref _runsLength, fg, bg, attr);
        _runFg = fg;
        _runBg = bg;
        _runAttr = attr;
        _runCells = 0;
    }

    /// <summary>The encoded runs of a compact row and the cells they cover (see <see cref="LineCodec"/>).</summary>
    public ReadOnlySpan<byte> CompactRuns(out int cellCount)
    {
        CloseRun();
        cellCount = _compactCells;
        return _runs.AsSpan(0, _runsLength);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CloseRun()
    {
        if (_runAt < 0) return;
        LineCodec.PatchRunCount(_runs, _runAt, _runCells);
        _runAt = -1;
    }

    private void Materialize()
    {
        _compact = false;
        _cells.AsSpan().Clear();
        if (_compactCells == 0) return;
        CloseRun();
        LineCodec.DecodeRuns(_runs.AsSpan(0, _runsLength), _compactCells, _cells, clusters: null);
    }
}
