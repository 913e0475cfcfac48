// The in-memory read index of one commit of the beads branch: raw trees for writing, parsed beads for reading.
using Godel.Beads.Model;

namespace Godel.Beads.Store;

/// <summary>A stored file that parsed (Value) or did not (Error, naming the file and the reason).</summary>
internal sealed record Loaded<T>(string OidHex, T? Value, string? Error) where T : class
{
    /// <summary>For a bead read from the read index: its `bead list --json` element, so listing copies bytes.</summary>
    public byte[]? ListJson { get; init; }
}

/// <summary>
/// Everything known about one commit of `godel/beads`. Mutated only under the store's lock, and only
/// while moving it to the next commit; any failure half-way discards it (the store reloads).
/// </summary>
internal sealed class StoreSnapshot
{
    public const string BeadsDir = "beads";
    public const string ConvoysDir = "convoys";
    public const string GodelDir = ".godel";

    /// <summary>The commit this describes; null when the branch does not exist yet.</summary>
    public string? Commit { get; set; }

    // Trees are only needed to write; a process that just reads keeps them as the cache file's bytes.
    private readonly RawTree?[] _trees = new RawTree?[4];
    private readonly byte[]?[] _raw = new byte[]?[4];

    public RawTree Root { get => Tree(0); set => SetTree(0, value); }
    public RawTree Godel { get => Tree(1); set => SetTree(1, value); }
    public RawTree BeadFiles { get => Tree(2); set => SetTree(2, value); }
    public RawTree ConvoyFiles { get => Tree(3); set => SetTree(3, value); }

    /// <summary>The four trees as tree-object bytes, for the cache file.</summary>
    public byte[] RawTreeBytes(int index) => _raw[index] ?? Tree(index).Serialize();

    /// <summary>Sets a tree from tree-object bytes without parsing it yet.</summary>
    public void SetRawTree(int index, byte[] bytes)
    {
        _raw[index] = bytes;
        _trees[index] = null;
    }

    // Once parsed, the tree is the truth: a write changes it in place, so the bytes it came from are dropped, or the
    // cache file would keep the old tree under the new commit (stale blob ids for `bead edit`, and the next writer's
    // tree check failing into a full reload).
    private RawTree Tree(int index)
    {
        if (_trees[index] is { } tree) return tree;
        tree = _raw[index] is { } raw ? RawTree.Parse(raw) : new RawTree();
        _trees[index] = tree;
        _raw[index] = null;
        return tree;
    }

    private void SetTree(int index, RawTree tree)
    {
        _trees[index] = tree;
        _raw[index] = null;
    }

    /// <summary>Parsed `*.json` files of `.godel/beads`, keyed by file name.</summary>
    public Dictionary<string, Loaded<Bead>> Beads { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Loaded<Convoy>> Convoys { get; } = new(StringComparer.Ordinal);

    /// <summary>True once the raw trees are known to hash to the commit's trees (safe to write from).</summary>
    public bool Verified { get; set; }

    public static string FileName(string id) => id + ".json";

    public static bool IsItemFile(RawEntry e) => !e.IsTree && e.Name.EndsWith(".json", StringComparison.Ordinal);

    public static string IdOf(string fileName) => fileName[..^".json".Length];

    public Bead? FindBead(string id) => Beads.TryGetValue(FileName(id), out var l) ? l.Value : null;

    public Convoy? FindConvoy(string id) => Convoys.TryGetValue(FileName(id), out var l) ? l.Value : null;

    public IEnumerable<Bead> AllBeads()
    {
        foreach (var l in Beads.Values)
        {
            if (l.Value is not null) yield return l.Value;
        }
    }

    public IEnumerable<Convoy> AllConvoys()
    {
        foreach (var l in Convoys.Values)
        {
            if (l.Value is not null) yield return l.Value;
        }
    }

    /// <summary>Every id in use (beads and convoys, parsed or not), so a new id never collides.</summary>
    public bool IdInUse(string id) => Beads.ContainsKey(FileName(id)) || Convoys.ContainsKey(FileName(id));
}
