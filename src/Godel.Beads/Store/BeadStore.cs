// The public face of the bead store: read a view, and change beads and convoys one commit at a time.
using Godel.Beads.Json;
using Godel.Beads.Model;
using LibGit2Sharp;

namespace Godel.Beads.Store;

/// <summary>
/// Beads and convoys on the `godel/beads` branch of the repository containing a directory. Every change is a
/// function of the current state (Bead → Bead), re-applied on the fresh state if another writer got there first.
/// </summary>
public sealed class BeadStore : IDisposable
{
    private readonly StoreEngine _engine;

    private BeadStore(StoreEngine engine, BeadStoreOptions options)
    {
        _engine = engine;
        Options = options;
    }

    public BeadStoreOptions Options { get; }
    public GitPaths Paths => _engine.Paths;
    public string Actor => _engine.Identity.Name;
    internal StoreEngine Engine => _engine;

    /// <summary>Opens the store of the repository containing <paramref name="directory"/> (any worktree of it).</summary>
    public static BeadStore Open(string directory, BeadStoreOptions? options = null)
    {
        options ??= new BeadStoreOptions();
        var paths = GitPaths.Discover(directory);
        return new BeadStore(new StoreEngine(paths, options.Actor, options.Clock)
        {
            Packer = new LoosePacker(paths.CommonDir, options.PackLooseObjectsAfterBytes, options.WaitForPacking),
        }, options);
    }

    public StoreView View() => _engine.View();

    public Bead Create(NewBead spec)
    {
        Validate(spec.Priority);
        return _engine.Write(s =>
        {
            var blockers = spec.BlockedBy.Count == 0 ? [] : spec.BlockedBy.Select(new StoreView(s).ResolveBeadId).Distinct(StringComparer.Ordinal).ToList();
            var now = _engine.Now;
            var bead = new Bead
            {
                Id = BeadIds.New(Options.Prefix, s.IdInUse),
                Title = RequireText(spec.Title, "title"),
                Description = spec.Description,
                Type = spec.Type,
                Priority = spec.Priority,
                Labels = spec.Labels.Distinct(StringComparer.Ordinal).ToList(),
                BlockedBy = blockers,
                Created = now,
                Updated = now,
            };
            return new WritePlan<Bead>([BeadFile(bead)], ChangeMessage.Created(bead), bead);
        });
    }

    /// <summary>Applies <paramref name="change"/> to the bead <paramref name="idOrPrefix"/> names; no commit if nothing changed.</summary>
    public Bead Update(string idOrPrefix, Func<Bead, Bead> change) => UpdateWithView(idOrPrefix, (b, _) => change(b));

    public Bead Comment(string idOrPrefix, string text)
    {
        var comment = RequireText(text, "comment");
        return Update(idOrPrefix, b => b with { Comments = [.. b.Comments, new BeadComment(Actor, comment, _engine.Now)] });
    }

    public Bead SetStatus(string idOrPrefix, BeadStatus status, string? reason = null) =>
        Update(idOrPrefix, b => BeadChanges.WithStatus(b, status, reason, _engine.Now));

    public Bead AddBlocker(string idOrPrefix, string blocker) =>
        UpdateWithView(idOrPrefix, (b, view) => b with { BlockedBy = [.. b.BlockedBy, view.Value.ResolveBeadId(blocker)] });

    public Bead RemoveBlocker(string idOrPrefix, string blocker) =>
        UpdateWithView(idOrPrefix, (b, view) =>
        {
            var id = b.BlockedBy.FirstOrDefault(x => x == blocker.Trim()) ?? view.Value.ResolveBeadId(blocker);
            if (!b.BlockedBy.Contains(id)) throw new BeadStoreException($"{b.Id} is not blocked by {id}", BeadErrorKind.NotFound);
            return b with { BlockedBy = b.BlockedBy.Where(x => x != id).ToList() };
        });

    /// <summary>
    /// Replaces a bead with a hand-edited version (`bead edit`); the id cannot change; a broken file may be repaired.
    /// <paramref name="original"/> is the bead as the editor opened it: if someone else changed the bead meanwhile
    /// (an agent commenting, closing…), the edit is merged into the current bead field by field, as `sync` merges,
    /// so their change is not silently overwritten. Without it (or from a broken file) the edit replaces the bead.
    /// </summary>
    public Bead Replace(string id, Bead edited, Bead? original = null)
    {
        if (edited.Id != id) throw new BeadStoreException($"the id cannot change (was {id}, now {edited.Id})", BeadErrorKind.InvalidInput);
        return _engine.Write(s =>
        {
            var view = new StoreView(s);
            var old = view.Find(id);
            var mine = edited with { Updated = _engine.Now };
            // The edit is the later change, so where both changed the same field the edit wins.
            if (original is not null && old is not null && !Same(old, original)) mine = Sync.BeadMerge.Merge(original, mine, old);
            var next = Normalize(mine, old ?? edited, new Lazy<StoreView>(view)) with { Updated = _engine.Now };
            if (old is not null && Same(old, next with { Updated = old.Updated })) return new WritePlan<Bead>([], "", old);
            var message = old is null ? $"{id}: repaired by hand" : ChangeMessage.Describe(old, next) + " (edited)";
            return new WritePlan<Bead>([BeadFile(next)], message, next);
        });
    }

    public Convoy CreateConvoy(string name, IEnumerable<string> beads)
    {
        var wanted = beads.ToList();
        return _engine.Write(s =>
        {
            var view = new StoreView(s);
            var now = _engine.Now;
            var convoy = new Convoy
            {
                Id = BeadIds.New(Options.Prefix, s.IdInUse, convoy: true),
                Name = RequireText(name, "convoy name"),
                Beads = wanted.Select(view.ResolveBeadId).Distinct(StringComparer.Ordinal).ToList(),
                Created = now,
                Updated = now,
            };
            return new WritePlan<Convoy>([ConvoyFile(convoy)], ChangeMessage.DescribeConvoy(null, convoy), convoy);
        });
    }

    /// <summary>Adds and removes member beads of a convoy.</summary>
    public Convoy UpdateConvoy(string idOrPrefix, IEnumerable<string> add, IEnumerable<string> remove)
    {
        var adding = add.ToList();
        var removing = remove.ToList();
        return _engine.Write(s =>
        {
            var view = new StoreView(s);
            var old = view.ResolveConvoy(idOrPrefix);
            var added = adding.Select(view.ResolveBeadId).ToList();
            var removed = removing.Select(r => old.Beads.FirstOrDefault(b => b == r) ?? view.ResolveBeadId(r)).ToList();
            foreach (var r in removed.Where(r => !old.Beads.Contains(r)))
                throw new BeadStoreException($"{r} is not in convoy {old.Id}", BeadErrorKind.NotFound);
            var next = old with { Beads = old.Beads.Concat(added).Except(removed).Distinct(StringComparer.Ordinal).ToList() };
            if (next.Beads.SequenceEqual(old.Beads)) return new WritePlan<Convoy>([], "", old);
            next = next with { Updated = _engine.Now };
            return new WritePlan<Convoy>([ConvoyFile(next)], ChangeMessage.DescribeConvoy(old, next), next);
        });
    }

    /// <summary>The stored bytes of a bead's file, even when it does not parse (for `bead edit`).</summary>
    public byte[]? ReadBeadFile(string id) => _engine.Read(s =>
    {
        var entry = s.BeadFiles.Get(StoreSnapshot.FileName(id));
        return entry is null ? null : _engine.Repo.Lookup<Blob>(new ObjectId(entry.Oid))?.GetContentStream() is { } stream
            ? ReadAll(stream)
            : null;
    });

    public IReadOnlyList<HistoryEntry> History(string id, int limit = 200) => BeadHistory.Of(_engine, id, limit);

    public IReadOnlyList<LinkedCommit> LinkedCommits(string id, int limit = 50) => BeadHistory.LinkedCommits(_engine, id, limit);

    /// <summary>Keeps the read index for the next process; also done on Dispose.</summary>
    public void SaveCache() => _engine.SaveCache();

    public void Dispose() => _engine.Dispose();

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }

    internal static FileChange BeadFile(Bead b) =>
        new(StoreSnapshot.BeadsDir, StoreSnapshot.FileName(b.Id), BeadJson.ToFile(b), b);

    internal static FileChange ConvoyFile(Convoy c) =>
        new(StoreSnapshot.ConvoysDir, StoreSnapshot.FileName(c.Id), BeadJson.ToFile(c), c);

    private Bead UpdateWithView(string idOrPrefix, Func<Bead, Lazy<StoreView>, Bead> change)
    {
        return _engine.Write(s =>
        {
            // Building a view copies every bead; the common case (an exact id, no new blocker) never needs it.
            var view = new Lazy<StoreView>(() => new StoreView(s));
            var old = s.FindBead(idOrPrefix.Trim()) ?? view.Value.ResolveBead(idOrPrefix);
            var next = change(old, view);
            next = Normalize(next, old, view);
            if (Same(old, next)) return new WritePlan<Bead>([], "", old);
            next = next with { Updated = _engine.Now };
            return new WritePlan<Bead>([BeadFile(next)], ChangeMessage.Describe(old, next), next);
        });
    }

    // Keeps the invariants every write must hold, whoever built the new bead.
    private static Bead Normalize(Bead next, Bead old, Lazy<StoreView> lazy)
    {
        Validate(next.Priority);
        RequireText(next.Title, "title");
        var blockers = next.BlockedBy.Distinct(StringComparer.Ordinal).ToList();
        foreach (var blocker in blockers.Except(old.BlockedBy, StringComparer.Ordinal))
        {
            var view = lazy.Value;
            if (view.Find(blocker) is null && view.BrokenError(blocker) is null)
                throw new BeadStoreException($"no bead {blocker} (blocked-by must name an existing bead)", BeadErrorKind.NotFound);
            var cycle = DependencyGraph.CycleIfAdded(next.Id, blocker, view.Find);
            if (cycle is not null)
                throw new BeadStoreException($"that would make a dependency cycle: {string.Join(" → ", cycle)}", BeadErrorKind.InvalidInput);
        }
        return next with
        {
            BlockedBy = blockers,
            Labels = next.Labels.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Schema = BeadSchema.Current,
        };
    }

    private static bool Same(Bead a, Bead b) =>
        BeadJson.ToFile(a).AsSpan().SequenceEqual(BeadJson.ToFile(b with { Updated = a.Updated }));

    private static void Validate(int priority)
    {
        if (!BeadVocabulary.IsValidPriority(priority))
            throw new BeadStoreException($"invalid priority {priority}; valid: 0 (critical), 1, 2, 3, 4", BeadErrorKind.InvalidInput);
    }

    private static string RequireText(string text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new BeadStoreException($"the {what} is empty", BeadErrorKind.InvalidInput) : text.Trim();
}
