// Writes git loose objects directly: SHA-1 via the platform's hardware-accelerated hash, zlib at git's loose level.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Godel.Beads.Store;

/// <summary>
/// The write path's object writer. A 10k-bead tree is ~450 KB; hashing it with libgit2's collision-detecting
/// SHA-1 and deflating it whole took most of a `bead create`. Objects are byte-identical to git's
/// (`&lt;type&gt; &lt;size&gt;\0&lt;data&gt;`, zlib-wrapped), written to a `tmp_obj_*` file (a name git's fsck
/// ignores if a writer dies) and renamed into place, so a reader never sees a partial object.
/// </summary>
internal sealed class LooseObjectWriter(string commonDir)
{
    private const int PiecewiseFrom = 64 * 1024; // below this, deflating whole costs less than keeping pieces
    private readonly string _objects = Path.Combine(commonDir, "objects");
    private readonly ChunkedDeflater _pieces = new();

    public long PiecesDeflated => _pieces.PiecesDeflated;

    /// <summary>Compressed bytes of the new loose objects this writer stored (objects already present are not counted).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>fsync each object before renaming it in (only when git's core.fsync asks for loose objects).</summary>
    public bool Fsync { get; set; }

    public byte[] Write(string type, ReadOnlySpan<byte> data) => Write(type, data, null);

    /// <summary>Serializes a tree into a pooled buffer (a 10k-entry tree on the large-object heap at every write
    /// would cost full collections) and writes it, big trees piece by piece.</summary>
    public byte[] WriteTree(RawTree tree)
    {
        var length = tree.SerializedLength();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var pieces = length >= PiecewiseFrom ? new List<int>(length / 8192) : null;
            tree.SerializeTo(buffer, pieces);
            return Write("tree", buffer.AsSpan(0, length), pieces);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Write(string type, ReadOnlySpan<byte> data, List<int>? pieces)
    {
        var header = Encoding.ASCII.GetBytes($"{type} {data.Length}\0");
        byte[] id;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
        {
            sha.AppendData(header);
            sha.AppendData(data);
            id = sha.GetHashAndReset();
        }
        var hex = Convert.ToHexStringLower(id);
        var dir = Path.Combine(_objects, hex[..2]);
        var path = Path.Combine(dir, hex[2..]);
        if (File.Exists(path)) return id;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $"tmp_obj_godel_{Environment.ProcessId}_{Guid.NewGuid():N}");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            if (pieces is not null) _pieces.Write(file, header, data, pieces);
            else
            {
                using var zlib = new ZLibStream(file, CompressionLevel.Fastest, leaveOpen: true);
                zlib.Write(header);
                zlib.Write(data);
            }
            if (Fsync) file.Flush(flushToDisk: true);
            BytesWritten += file.Position;
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            File.Move(temp, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // another writer stored the same object first
        }
        return id;
    }
}
