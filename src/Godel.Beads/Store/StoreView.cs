// An immutable picture of the store at one commit: beads, convoys and the files that could not be read.
using Godel.Beads.Model;

namespace Godel.Beads.Store;

/// <summary>A file in the branch that could not be parsed; listing shows everything else and warns.</summary>
public sealed record StoreProblem(string Path, string Reason);

public sealed class StoreView
{
    private readonly Dictionary<string, string> _brokenBeads;

    // Keyed by the bead object itself: a changed bead is a new object, so a stale element can never be found.
    private readonly Dictionary<Bead, byte[]> _listJson = new(ReferenceEqualityComparer.Instance);

    internal StoreView(StoreSnapshot s)
    {
        Commit = s.Commit;
        var beads = new Dictionary<string, Bead>(s.Beads.Count, StringComparer.Ordinal);
        _brokenBeads = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<StoreProblem>();
        foreach (var (name, item) in s.Beads)
        {
            if (item.Value is not null)
            {
                beads[item.Value.Id] = item.Value;
                if (item.ListJson is not null) _listJson[item.Value] = item.ListJson;
            }
            else
            {
                _brokenBeads[StoreSnapshot.IdOf(name)] = item.Error!;
                problems.Add(new StoreProblem($".godel/beads/{name}", item.Error!));
            }
        }
        var convoys = new Dictionary<string, Convoy>(StringComparer.Ordinal);
        foreach (var (name, item) in s.Convoys)
        {
            if (item.Value is not null) convoys[item.Value.Id] = item.Value;
            else problems.Add(new StoreProblem($".godel/convoys/{name}", item.Error!));
        }
        Beads = beads;
        Convoys = convoys;
        Problems = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The commit of `godel/beads` this view shows; null when no bead was ever written.</summary>
    public string? Commit { get; }
    public IReadOnlyDictionary<string, Bead> Beads { get; }
    public IReadOnlyDictionary<string, Convoy> Convoys { get; }
    public IReadOnlyList<StoreProblem> Problems { get; }

    public Bead? Find(string id) => Beads.GetValueOrDefault(id);

    /// <summary>The JSON array of <paramref name="beads"/> (the bytes of <see cref="Json.BeadListWriter.ToUtf8"/>), written to
    /// <paramref name="output"/> as it is produced; elements the read index holds are copied, not re-serialised.</summary>
    public void WriteListJson(Stream output, IReadOnlyList<Bead> beads) =>
        Json.BeadListWriter.WriteTo(output, beads, _listJson.Count == 0 ? null : _listJson.GetValueOrDefault);

    /// <summary>Resolves a typed id or prefix to a readable bead; a broken file is reported by name.</summary>
    public Bead ResolveBead(string input)
    {
        var id = ResolveBeadId(input);
        if (_brokenBeads.TryGetValue(id, out var error))
            throw new BeadStoreException($"{error} (fix it with `godel bead edit {id}`)", BeadErrorKind.Corrupt);
        return Beads[id];
    }

    /// <summary>Resolves to an id even if its file is broken (for `bead edit`).</summary>
    public string ResolveBeadId(string input) => BeadIds.Resolve(input, Beads.Keys.Concat(_brokenBeads.Keys).ToHashSet(StringComparer.Ordinal));

    public string? BrokenError(string id) => _brokenBeads.GetValueOrDefault(id);

    public Convoy ResolveConvoy(string input) => Convoys[BeadIds.Resolve(input, Convoys.Keys.ToHashSet(StringComparer.Ordinal), "convoy")];

    public ConvoyView ViewOf(Convoy convoy) => ConvoyView.From(convoy, Find);

    public IEnumerable<Convoy> ConvoysOf(string beadId) => Convoys.Values.Where(c => c.Beads.Contains(beadId));

    public List<Bead> Ready() => DependencyGraph.Ready(Beads.Values, FindForBlocking);

    public List<string> OpenBlockers(Bead bead) => DependencyGraph.OpenBlockers(bead, FindForBlocking);

    // A blocker whose file is broken may well be open: it still blocks (the list's warning names the file), rather
    // than `ready` offering an agent work that waits on something nobody can read. A deleted blocker blocks nothing.
    private Bead? FindForBlocking(string id) =>
        Find(id) ?? (_brokenBeads.ContainsKey(id) ? new Bead { Id = id, Title = "(unreadable)" } : null);
}
