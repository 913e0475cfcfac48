// One git tree held as sorted raw entries, so a write re-serializes it without asking libgit2 for 10k entries.
using System.Security.Cryptography;
using System.Text;

namespace Godel.Beads.Store;

/// <summary>A tree entry: name, octal mode text (`100644`, `40000`) and the 20-byte object id.</summary>
internal sealed class RawEntry
{
    public RawEntry(string name, string mode, byte[] oid)
    {
        Name = name;
        Mode = mode;
        Oid = oid;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        SortKey = IsTree ? [.. nameBytes, (byte)'/'] : nameBytes;
        Line = [.. Encoding.ASCII.GetBytes(mode), (byte)' ', .. nameBytes, 0, .. oid];
        StartsPiece = (Fnv1a(nameBytes) & 0xFF) == 0;
    }

    /// <summary>True for about one entry in 256, chosen by name alone, so the cut points of a big tree's
    /// compressed pieces (<see cref="ChunkedDeflater"/>) stay put when other entries come, go or change.</summary>
    public bool StartsPiece { get; }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes) h = (h ^ b) * 16777619u;
        return h ^ (h >> 16);
    }

    public string Name { get; }
    public string Mode { get; }
    public byte[] Oid { get; }
    public bool IsTree => Mode == TreeMode;
    public string OidHex => Convert.ToHexStringLower(Oid);

    /// <summary>Git orders entries by name bytes, with a tree's name compared as if it ended in `/`.</summary>
    public byte[] SortKey { get; }

    /// <summary>The entry exactly as it appears in the tree object.</summary>
    public byte[] Line { get; }

    public const string TreeMode = "40000";
    public const string FileMode = "100644";
}

/// <summary>A mutable, always-sorted tree: Set/Remove keep git order, Serialize gives the object's bytes.</summary>
internal sealed class RawTree
{
    private readonly List<RawEntry> _sorted;

    public RawTree() => _sorted = [];

    private RawTree(List<RawEntry> sorted) => _sorted = sorted;

    public IReadOnlyList<RawEntry> Entries => _sorted;

    /// <summary>Builds from entries in any order.</summary>
    public static RawTree From(IEnumerable<RawEntry> entries)
    {
        var list = entries.ToList();
        list.Sort(static (a, b) => a.SortKey.AsSpan().SequenceCompareTo(b.SortKey));
        return new RawTree(list);
    }

    /// <summary>Parses a tree object's content (`mode name\0` + 20-byte id, repeated), already in git order.</summary>
    public static RawTree Parse(ReadOnlySpan<byte> content)
    {
        var list = new List<RawEntry>();
        while (content.Length > 0)
        {
            var space = content.IndexOf((byte)' ');
            var nul = content.IndexOf((byte)0);
            if (space < 0 || nul < space || content.Length < nul + 21) throw new FormatException("truncated tree");
            list.Add(new RawEntry(Encoding.UTF8.GetString(content[(space + 1)..nul]), Encoding.ASCII.GetString(content[..space]), content.Slice(nul + 1, 20).ToArray()));
            content = content[(nul + 21)..];
        }
        return new RawTree(list);
    }

    public RawEntry? Get(string name)
    {
        var i = IndexOf(name, isTree: false);
        if (i >= 0) return _sorted[i];
        i = IndexOf(name, isTree: true);
        return i >= 0 ? _sorted[i] : null;
    }

    public void Set(RawEntry entry)
    {
        Remove(entry.Name);
        var i = _sorted.BinarySearch(entry, Comparer<RawEntry>.Create(static (a, b) => a.SortKey.AsSpan().SequenceCompareTo(b.SortKey)));
        _sorted.Insert(i >= 0 ? i : ~i, entry);
    }

    public bool Remove(string name)
    {
        var i = IndexOf(name, isTree: false);
        if (i < 0) i = IndexOf(name, isTree: true);
        if (i < 0) return false;
        _sorted.RemoveAt(i);
        return true;
    }

    /// <summary>The tree object's content (without the `tree N\0` header).</summary>
    public byte[] Serialize()
    {
        var bytes = new byte[SerializedLength()];
        SerializeTo(bytes);
        return bytes;
    }

    public int SerializedLength()
    {
        var length = 0;
        foreach (var e in _sorted) length += e.Line.Length;
        return length;
    }

    /// <summary>Writes the content into <paramref name="bytes"/>; collects where entries that start a piece begin.</summary>
    public void SerializeTo(byte[] bytes, List<int>? pieceStarts = null)
    {
        var at = 0;
        foreach (var e in _sorted)
        {
            if (e.StartsPiece) pieceStarts?.Add(at);
            e.Line.CopyTo(bytes, at);
            at += e.Line.Length;
        }
    }

    /// <summary>The id git gives a tree with this content: SHA-1 of `tree N\0` + content.</summary>
    public static string HashHex(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"tree {content.Length}\0");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(header);
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private int IndexOf(string name, bool isTree)
    {
        var key = Encoding.UTF8.GetBytes(isTree ? name + "/" : name);
        int lo = 0, hi = _sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _sorted[mid].SortKey.AsSpan().SequenceCompareTo(key);
            if (c == 0) return _sorted[mid].IsTree == isTree ? mid : -1;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
