// Deflates a big tree object piece by piece and reuses the pieces an earlier write already compressed.
using System.Buffers.Binary;
using System.IO.Compression;

namespace Godel.Beads.Store;

/// <summary>
/// A 10k-bead tree is ~450 KB and a `bead create` changes one 45-byte line of it, yet zlib took ~3 ms to compress
/// it all again. The tree is cut at entries whose name hashes to a marker (so the cuts stay put when a line is
/// added, changed or removed elsewhere); each piece is a raw deflate run ended by a sync flush (byte-aligned,
/// no dictionary shared across pieces), and a zlib stream may chain any number of those. Only the piece holding
/// the change is compressed again; the checksum is combined from the pieces' own. The result is a valid zlib
/// stream at git's loose-object level (1, "fastest"); every cached piece is compared byte for byte before reuse.
/// </summary>
internal sealed class ChunkedDeflater
{
    private const int KeepForWrites = 8; // pieces unused for this many writes are dropped (the store has four trees)
    private static readonly byte[] ZlibHeader = [0x78, 0x01]; // deflate, 32 KB window, level "fastest"
    private static readonly byte[] FinalEmptyBlock = [0x03, 0x00]; // BFINAL=1, fixed Huffman, end of block

    private readonly Dictionary<(int Length, ulong Tail), Piece> _pieces = [];
    private long _writes;

    /// <summary>Pieces compressed so far (the rest were reused); tests check that a one-line change costs one or two.</summary>
    public long PiecesDeflated { get; private set; }

    private sealed class Piece(byte[] plain, byte[] deflated, uint adler)
    {
        public byte[] Plain { get; } = plain;
        public byte[] Deflated { get; } = deflated;
        public uint Adler { get; } = adler;
        public long LastUsed { get; set; }
    }

    /// <summary>Writes `header + data` as one zlib stream; <paramref name="pieceStarts"/> are ascending offsets in data.</summary>
    public void Write(Stream output, ReadOnlySpan<byte> header, ReadOnlySpan<byte> data, IReadOnlyList<int> pieceStarts)
    {
        _writes++;
        output.Write(ZlibHeader);
        WriteStored(output, header);
        var adler = Adler32.Compute(Adler32.Initial, header);
        var start = 0;
        for (var i = 0; i <= pieceStarts.Count; i++)
        {
            var end = i < pieceStarts.Count ? pieceStarts[i] : data.Length;
            if (end <= start) continue;
            var piece = Get(data[start..end]);
            output.Write(piece.Deflated);
            adler = Adler32.Combine(adler, piece.Adler, end - start);
            start = end;
        }
        output.Write(FinalEmptyBlock);
        Span<byte> check = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(check, adler);
        output.Write(check);
        Evict();
    }

    private Piece Get(ReadOnlySpan<byte> plain)
    {
        var key = (plain.Length, plain.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(plain[^8..]) : 0UL);
        if (!_pieces.TryGetValue(key, out var piece) || !piece.Plain.AsSpan().SequenceEqual(plain))
        {
            piece = new Piece(plain.ToArray(), Deflate(plain), Adler32.Compute(Adler32.Initial, plain));
            PiecesDeflated++;
            _pieces[key] = piece;
        }
        piece.LastUsed = _writes;
        return piece;
    }

    private void Evict()
    {
        foreach (var (key, piece) in _pieces)
        {
            if (piece.LastUsed < _writes - KeepForWrites) _pieces.Remove(key);
        }
    }

    // A sync flush ends the run on a byte boundary with an empty non-final stored block: the next piece can follow.
    private static byte[] Deflate(ReadOnlySpan<byte> plain)
    {
        using var buffer = new MemoryStream(plain.Length / 2 + 64);
        var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true);
        deflate.Write(plain);
        deflate.Flush();
        var bytes = buffer.ToArray();
        deflate.Dispose(); // appends a final block to the buffer, which is dropped
        return bytes;
    }

    // The object header (`tree 450123\0`) changes with every size, so it travels as its own stored block.
    private static void WriteStored(Stream output, ReadOnlySpan<byte> bytes)
    {
        Span<byte> head = stackalloc byte[5];
        head[0] = 0x00; // BFINAL=0, BTYPE=00 (stored); already byte-aligned
        BinaryPrimitives.WriteUInt16LittleEndian(head[1..], (ushort)bytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(head[3..], (ushort)~bytes.Length);
        output.Write(head);
        output.Write(bytes);
    }
}
