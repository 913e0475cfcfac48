// History lines that left the top of the main screen, stored compactly in pooled chunks and capped by bytes and lines.
namespace Godel.Terminal.Screen;

/// <summary>
/// A FIFO of encoded lines (<see cref="LineCodec"/>). Line 0 is the oldest. The total encoded size
/// stays within the byte budget and the count within the line cap; the oldest lines go first.
/// Chunks whose lines are all evicted are reused, so steady-state appends allocate nothing.
/// </summary>
internal sealed class Scrollback
{
    private const int ChunkSize = 64 * 1024;

    private readonly long _budget;
    private readonly int _maxLines;
    private readonly List<byte[]> _chunks = [];
    private readonly Stack<byte[]> _free = new();
    private int _firstChunk; // absolute number of _chunks[0]
    private int _writeOffset;
    private LineRef[] _lines = new LineRef[256];
    private int _head;
    private byte[] _scratch = new byte[4096];

    private struct LineRef
    {
        public int Chunk;
        public int Offset;
        public int Length;
        public bool Wrapped;
    }

    public Scrollback(long budgetBytes, int maxLines)
    {
        _budget = Math.Max(0, budgetBytes);
        _maxLines = Math.Max(0, maxLines);
    }

    public int Count { get; private set; }

    /// <summary>Encoded bytes held by live lines.</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes of chunk storage actually allocated.</summary>
    public long AllocatedBytes
    {
        get
        {
            long n = 0;
            foreach (var c in _chunks) n += c.Length;
            foreach (var c in _free) n += c.Length;
            return n + ((long)_lines.Length * 16) + _scratch.Length;
        }
    }

    /// <summary>Appends a row; evicts the oldest lines past the caps.</summary>
    public void Append(ReadOnlySpan<Cell> cells, bool wrapped, ClusterTable clusters)
    {
        if (_budget == 0) return;
        var n = LineCodec.Encode(cells, ref _scratch, clusters);
        AppendEncoded(_scratch.AsSpan(0, n), wrapped);
    }

    /// <summary>Appends a row that left the screen: a compact row's runs are copied as they are, cells are encoded.</summary>
    public void Append(Row row, ClusterTable clusters)
    {
        if (_budget == 0) return;
        if (!row.IsCompact)
        {
            Append(row.Cells, row.Wrapped, clusters);
            return;
        }
        var runs = row.CompactRuns(out var cellCount);
        Span<byte> header = stackalloc byte[5];
        var h = LineCodec.WriteHeader(header, cellCount);
        AppendEncoded(header[..h], runs, row.Wrapped);
    }

    public void AppendEncoded(ReadOnlySpan<byte> encoded, bool wrapped) => AppendEncoded(encoded, [], wrapped);

    /// <summary>Appends one encoded line given in two parts (header and runs), copied into chunk storage.</summary>
    private void AppendEncoded(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, bool wrapped)
    {
        var length = head.Length + tail.Length;
        if (_budget == 0 || length > _budget) return;
        var chunk = ChunkFor(length);
        var target = _chunks[^1].AsSpan(_writeOffset);
        head.CopyTo(target);
        tail.CopyTo(target[head.Length..]);
        if (Count == _lines.Length) GrowLines();
        var slot = _head + Count;
        if (slot >= _lines.Length) slot -= _lines.Length;
        _lines[slot] = new LineRef { Chunk = chunk, Offset = _writeOffset, Length = length, Wrapped = wrapped };
        Count++;
        _writeOffset += length;
        Bytes += length;
        while (Bytes > _budget || (_maxLines > 0 && Count > _maxLines)) DropOldest();
    }

    private int ChunkFor(int length)
    {
        if (_chunks.Count == 0 || _writeOffset + length > _chunks[^1].Length)
        {
            var size = Math.Max(ChunkSize, length);
            var fresh = _free.Count > 0 && _free.Peek().Length >= size ? _free.Pop() : new byte[size];
            _chunks.Add(fresh);
            _writeOffset = 0;
        }
        return _firstChunk + _chunks.Count - 1;
    }

    private void GrowLines()
    {
        var bigger = new LineRef[_lines.Length * 2];
        for (var i = 0; i < Count; i++) bigger[i] = _lines[(_head + i) % _lines.Length];
        _lines = bigger;
        _head = 0;
    }

    private void DropOldest()
    {
        var line = _lines[_head];
        _head = (_head + 1) % _lines.Length;
        Count--;
        Bytes -= line.Length;
        var keepFrom = Count > 0 ? _lines[_head].Chunk : _firstChunk + _chunks.Count - 1;
        while (_firstChunk < keepFrom)
        {
            var c = _chunks[0];
            _chunks.RemoveAt(0);
            if (_free.Count < 4) _free.Push(c);
            _firstChunk++;
        }
    }

    /// <summary>The encoded bytes of line <paramref name="index"/> (0 = oldest).</summary>
    public ReadOnlySpan<byte> Encoded(int index, out bool wrapped)
    {
        var line = _lines[(_head + index) % _lines.Length];
        wrapped = line.Wrapped;
        return _chunks[line.Chunk - _firstChunk].AsSpan(line.Offset, line.Length);
    }

    /// <summary>Decodes line <paramref name="index"/> into <paramref name="cells"/>.</summary>
    public bool Read(int index, Span<Cell> cells, ClusterTable clusters)
    {
        var data = Encoded(index, out var wrapped);
        LineCodec.Decode(data, cells, clusters);
        return wrapped;
    }

    /// <summary>Removes and returns the newest line (used when the screen grows and pulls history back).</summary>
    public bool PopNewest(Span<Cell> cells, ClusterTable clusters)
    {
        var wrapped = Read(Count - 1, cells, clusters);
        var line = _lines[(_head + Count - 1) % _lines.Length];
        Count--;
        Bytes -= line.Length;
        if (line.Chunk == _firstChunk + _chunks.Count - 1) _writeOffset = line.Offset;
        return wrapped;
    }

    public void Clear()
    {
        while (_chunks.Count > 0)
        {
            if (_free.Count < 4) _free.Push(_chunks[^1]);
            _chunks.RemoveAt(_chunks.Count - 1);
        }
        _firstChunk = 0;
        _writeOffset = 0;
        _head = 0;
        Count = 0;
        Bytes = 0;
    }
}
