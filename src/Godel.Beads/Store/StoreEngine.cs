// The write engine: keeps the snapshot in step with the branch and turns a planned change into one commit moved by CAS.
using LibGit2Sharp;

namespace Godel.Beads.Store;

/// <summary>One file to write (Content) or delete (null) in `.godel/beads` or `.godel/convoys`.</summary>
internal sealed record FileChange(string Dir, string Name, byte[]? Content, object? Parsed);

/// <summary>What a change wants written, its commit message and what to hand back to the caller.</summary>
internal sealed record WritePlan<T>(IReadOnlyList<FileChange> Changes, string Message, T Result, IReadOnlyList<string>? ExtraParents = null)
{
    /// <summary>Instead of a commit, move the ref to this descendant of the current head (sync's fast-forward).</summary>
    public string? FastForwardTo { get; init; }
}

/// <summary>
/// Every write runs, under the cross-process writer lock: read the ref, bring the snapshot to it, plan the change
/// against that fresh state, write blob → trees → commit, and move the ref only if it still points where we read it.
/// A plan is a function of the current state, so a lost race simply plans again on the new state.
/// </summary>
internal sealed class StoreEngine : IDisposable
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StaleRefLock = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly string? _actor;
    private readonly TimeProvider _clock;
    private Repository? _repo;
    private GitIdentity? _identity;
    private StoreSnapshot? _snapshot;
    private StoreView? _view;
    private bool _cacheDirty;

    public StoreEngine(GitPaths paths, string? actor, TimeProvider clock)
    {
        Paths = paths;
        _actor = actor;
        _clock = clock;
    }

    public GitPaths Paths { get; }

    /// <summary>Packs the loose objects writes leave behind once they add up (none: leave it to git).</summary>
    public LoosePacker? Packer { get; init; }

    private LooseObjectWriter Objects => field ??= new LooseObjectWriter(Paths.CommonDir) { Fsync = Fsync.LooseObjects };

    /// <summary>What git's core.fsync asks to harden; read once, on the first write.</summary>
    private GitFsync Fsync => field ??= GitFsync.From(Repo);

    /// <summary>libgit2 is loaded only when needed: a warm `bead list` reads the cache file and never touches it.</summary>
    public Repository Repo => _repo ??= new Repository(Paths.GitDir);

    public GitIdentity Identity => _identity ??= GitIdentity.Resolve(Repo, _actor);

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The store as it is now; the same immutable view is handed out until the branch moves.</summary>
    public StoreView View()
    {
        lock (_gate)
        {
            var head = Paths.ReadBeadsRef();
            if (_view is not null && head is not null && _view.Commit == head) return _view;
            return _view = new StoreView(Ensure(head));
        }
    }

    /// <summary>Runs <paramref name="read"/> on the snapshot of the branch as it is now.</summary>
    public T Read<T>(Func<StoreSnapshot, T> read)
    {
        lock (_gate)
        {
            return read(Ensure(Paths.ReadBeadsRef()));
        }
    }

    public T Write<T>(Func<StoreSnapshot, WritePlan<T>> planner)
    {
        lock (_gate)
        {
            using var writer = WriterLock.Acquire(Paths, LockTimeout);
            var started = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var head = Paths.ReadBeadsRef();
                var snapshot = EnsureVerified(head);
                var plan = planner(snapshot);
                if (plan.FastForwardTo is { } target)
                {
                    // The snapshot stays at the old commit; the next read catches it up by diffing trees.
                    if (MoveRef(head, target, plan.Message)) return plan.Result;
                    _snapshot = null;
                    continue;
                }
                if (plan.Changes.Count == 0 && plan.ExtraParents is null) return plan.Result;
                try
                {
                    var written = Objects.BytesWritten;
                    var commit = CommitPlan(snapshot, head, plan);
                    if (MoveRef(head, commit, plan.Message))
                    {
                        snapshot.Commit = commit;
                        _cacheDirty = true;
                        Packer?.Added(Objects.BytesWritten - written);
                        return plan.Result;
                    }
                }
                catch
                {
                    _snapshot = null;
                    throw;
                }
                _snapshot = null; // lost the race to a writer outside Godel: plan again on its result
                if (started.Elapsed > LockTimeout) throw new BeadStoreException("the beads branch keeps changing under us; try again", BeadErrorKind.WriteFailed);
                Thread.Sleep(Random.Shared.Next(5, 50));
            }
        }
    }

    /// <summary>Saves the read index for the next process if this one had to build or extend it.</summary>
    public void SaveCache()
    {
        lock (_gate)
        {
            if (_cacheDirty && _snapshot is not null) SnapshotCache.TrySave(Paths.GodelDir, _snapshot);
            _cacheDirty = false;
        }
    }

    public void Dispose()
    {
        SaveCache();
        _repo?.Dispose();
    }

    private StoreSnapshot Ensure(string? head)
    {
        if (head is null) return _snapshot = new StoreSnapshot { Verified = true };
        if (_snapshot?.Commit == head) return _snapshot;
        _snapshot = Load(head);
        return _snapshot;
    }

    private StoreSnapshot Load(string head)
    {
        if (_snapshot is { Commit: not null } current && SnapshotLoader.CatchUp(Repo, current, head))
        {
            _cacheDirty = true;
            return current;
        }
        var cached = SnapshotCache.TryLoad(SnapshotCache.PathFor(Paths.GodelDir, head));
        if (cached?.Commit == head) return cached;
        var older = SnapshotCache.NewestOther(Paths.GodelDir, head);
        _cacheDirty = true;
        if (older is not null && SnapshotCache.TryLoad(older) is { } old && SnapshotLoader.CatchUp(Repo, old, head)) return old;
        return SnapshotLoader.Full(Repo, head);
    }

    private StoreSnapshot EnsureVerified(string? head)
    {
        var snapshot = Ensure(head);
        if (snapshot.Verified) return snapshot;
        var tree = Repo.Lookup<Commit>(head!)?.Tree.Sha;
        if (tree is not null && TreeHex(snapshot) == tree)
        {
            snapshot.Verified = true;
            return snapshot;
        }
        // The cache disagrees with git: git is the truth.
        _cacheDirty = true;
        return _snapshot = SnapshotLoader.Full(Repo, head!);
    }

    private static string TreeHex(StoreSnapshot s)
    {
        var godel = Reroot(s.Godel, StoreSnapshot.BeadsDir, s.BeadFiles);
        godel = Reroot(godel, StoreSnapshot.ConvoysDir, s.ConvoyFiles);
        return RawTree.HashHex(Reroot(s.Root, StoreSnapshot.GodelDir, godel).Serialize());
    }

    private static RawTree Reroot(RawTree parent, string name, RawTree child)
    {
        var copy = RawTree.From(parent.Entries);
        if (child.Entries.Count == 0) copy.Remove(name);
        else copy.Set(new RawEntry(name, RawEntry.TreeMode, Convert.FromHexString(RawTree.HashHex(child.Serialize()))));
        return copy;
    }

    private string CommitPlan<T>(StoreSnapshot s, string? head, WritePlan<T> plan)
    {
        var dirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in plan.Changes)
        {
            dirs.Add(change.Dir);
            Apply(s, change, change.Content is null ? null : Objects.Write("blob", change.Content));
        }
        foreach (var dir in dirs)
        {
            var files = dir == StoreSnapshot.BeadsDir ? s.BeadFiles : s.ConvoyFiles;
            SetChild(s.Godel, dir, files);
        }
        SetChild(s.Root, StoreSnapshot.GodelDir, s.Godel);
        var rootHex = WriteTree(s.Root);
        var parents = head is null ? new List<string>() : [head];
        parents.AddRange(plan.ExtraParents ?? []);
        var bytes = CommitBuilder.Build(rootHex, parents, Identity, Now, plan.Message);
        return Convert.ToHexStringLower(Objects.Write("commit", bytes));
    }

    private static void Apply(StoreSnapshot s, FileChange change, byte[]? oid)
    {
        var beads = change.Dir == StoreSnapshot.BeadsDir;
        var files = beads ? s.BeadFiles : s.ConvoyFiles;
        if (oid is null)
        {
            files.Remove(change.Name);
            if (beads) s.Beads.Remove(change.Name); else s.Convoys.Remove(change.Name);
            return;
        }
        var entry = new RawEntry(change.Name, RawEntry.FileMode, oid);
        files.Set(entry);
        if (beads) s.Beads[change.Name] = new Loaded<Model.Bead>(entry.OidHex, (Model.Bead?)change.Parsed, null);
        else s.Convoys[change.Name] = new Loaded<Model.Convoy>(entry.OidHex, (Model.Convoy?)change.Parsed, null);
    }

    private void SetChild(RawTree parent, string name, RawTree child)
    {
        if (child.Entries.Count == 0) parent.Remove(name);
        else parent.Set(new RawEntry(name, RawEntry.TreeMode, Objects.WriteTree(child)));
    }

    private string WriteTree(RawTree tree) => Convert.ToHexStringLower(Objects.WriteTree(tree));

    private bool MoveRef(string? expected, string commit, string message)
    {
        var log = "godel: " + message.Split('\n')[0];
        var id = new ObjectId(commit);
        try
        {
            if (expected is null)
            {
                Repo.Refs.Add(GitPaths.BeadsRef, id, log, allowOverwrite: false);
                if (Fsync.References) FsyncRef();
                return true;
            }
            var current = Repo.Refs[GitPaths.BeadsRef];
            if (current?.TargetIdentifier != expected) return false;
            Repo.Refs.UpdateTarget(current, id, log);
            if (Fsync.References) FsyncRef();
            return true;
        }
        catch (NameConflictException)
        {
            return false;
        }
        catch (LockedFileException)
        {
            RemoveStaleRefLock();
            return false;
        }
    }

    private void FsyncRef()
    {
        using var file = new FileStream(Path.Combine(Paths.CommonDir, GitPaths.BeadsRef), FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    // Every Godel writer holds WriterLock while it writes the ref, so a `<ref>.lock` older than a moment
    // belongs to a process that died mid-write (SIGKILL); git would need it removed by hand.
    private void RemoveStaleRefLock()
    {
        var lockFile = Path.Combine(Paths.CommonDir, GitPaths.BeadsRef + ".lock");
        try
        {
            if (File.Exists(lockFile) && DateTime.UtcNow - File.GetLastWriteTimeUtc(lockFile) > StaleRefLock) File.Delete(lockFile);
        }
        catch (IOException) { }
    }
}
