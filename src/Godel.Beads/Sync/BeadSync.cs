// `godel sync`: fetch a remote's godel/beads, merge it bead by bead into ours, push the result.
using Godel.Beads.Json;
using Godel.Beads.Model;
using Godel.Beads.Store;
using LibGit2Sharp;

namespace Godel.Beads.Sync;

/// <summary>What a sync did, for the user.</summary>
public sealed record SyncResult(string Summary, int MergedFiles);

public static class BeadSync
{
    private const int Attempts = 5;

    /// <summary>Fetches, merges (fast-forward or a two-parent merge commit) and pushes; retries if the remote moved.</summary>
    public static SyncResult Run(BeadStore store, string remote, string workingDirectory)
    {
        for (var attempt = 1; ; attempt++)
        {
            var remoteTip = Fetch(store, remote, workingDirectory);
            var (summary, merged) = Integrate(store, remoteTip, remote);
            var local = store.Paths.ReadBeadsRef();
            if (local is null || local == remoteTip) return new SyncResult(summary, merged);
            var push = GitCli.Run(workingDirectory, "push", "--quiet", remote, $"{GitPaths.BeadsRef}:{GitPaths.BeadsRef}");
            if (push.ExitCode == 0) return new SyncResult(summary + $"; pushed to {remote}", merged);
            if (attempt == Attempts || !IsRejection(push.Error))
                throw new BeadStoreException($"git push {remote} failed: {push.Error.Trim()}", BeadErrorKind.WriteFailed);
        }
    }

    private static string? Fetch(BeadStore store, string remote, string dir)
    {
        var tracking = $"refs/remotes/{remote}/godel/beads";
        var fetch = GitCli.Run(dir, "fetch", "--quiet", "--no-tags", remote, $"+{GitPaths.BeadsRef}:{tracking}");
        if (fetch.ExitCode == 0) return store.Paths.ReadRef(tracking);
        if (fetch.Error.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase)) return null;
        throw new BeadStoreException($"git fetch {remote} failed: {fetch.Error.Trim()}", BeadErrorKind.WriteFailed);
    }

    private static bool IsRejection(string error) =>
        error.Contains("rejected", StringComparison.OrdinalIgnoreCase) || error.Contains("fetch first", StringComparison.OrdinalIgnoreCase);

    private static (string Summary, int Merged) Integrate(BeadStore store, string? remoteTip, string remote)
    {
        var engine = store.Engine;
        if (remoteTip is null) return ($"{remote} has no beads yet", 0);
        return engine.Write(s =>
        {
            var local = s.Commit;
            if (local == remoteTip) return Plan([], "", ("already up to date", 0));
            var repo = engine.Repo;
            var remoteCommit = repo.Lookup<Commit>(remoteTip);
            var localCommit = local is null ? null : repo.Lookup<Commit>(local);
            var mergeBase = localCommit is null ? null : repo.ObjectDatabase.FindMergeBase(localCommit, remoteCommit);
            if (mergeBase?.Sha == remoteTip) return Plan([], "", ("nothing new on " + remote, 0));
            if (local is null || mergeBase?.Sha == local)
                return new WritePlan<(string, int)>([], $"fast-forward to {remote}", ($"fast-forwarded to {remote}", 0)) { FastForwardTo = remoteTip };
            var changes = new List<FileChange>();
            changes.AddRange(MergeDir(repo, s, mergeBase, remoteCommit, StoreSnapshot.BeadsDir));
            changes.AddRange(MergeDir(repo, s, mergeBase, remoteCommit, StoreSnapshot.ConvoysDir));
            var ids = changes.Select(c => StoreSnapshot.IdOf(c.Name)).Order(StringComparer.Ordinal).ToList();
            var message = $"sync with {remote}: {ids.Count} file(s) merged\n\n" + string.Concat(ids.Select(id => $"{id}: merged from {remote}\n"));
            return new WritePlan<(string, int)>(changes, message, ($"merged {ids.Count} file(s) from {remote}", ids.Count), [remoteTip]);
        });
    }

    private static WritePlan<(string, int)> Plan(List<FileChange> changes, string message, (string, int) result) => new(changes, message, result);

    /// <summary>Files of one folder whose merged content differs from ours.</summary>
    private static IEnumerable<FileChange> MergeDir(Repository repo, StoreSnapshot s, Commit? mergeBase, Commit remote, string dir)
    {
        var ours = (dir == StoreSnapshot.BeadsDir ? s.BeadFiles : s.ConvoyFiles).Entries
            .Where(StoreSnapshot.IsItemFile).ToDictionary(e => e.Name, e => e.OidHex, StringComparer.Ordinal);
        var theirs = Entries(remote, dir);
        var @base = mergeBase is null ? [] : Entries(mergeBase, dir);
        foreach (var name in ours.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal))
        {
            var o = ours.GetValueOrDefault(name);
            var t = theirs.GetValueOrDefault(name);
            var b = @base.GetValueOrDefault(name);
            if (o == t || t == b) continue;              // theirs did not change it: ours stands
            if (o == b || o is null && b is null)        // only theirs changed it (or only they have it)
            {
                if (t is null && o is not null) yield return new FileChange(dir, name, null, null);
                else if (t is not null) yield return Take(repo, dir, name, t);
                continue;
            }
            if (o is null || t is null)                  // deleted on one side, changed on the other: keep the change
            {
                if (o is null) yield return Take(repo, dir, name, t!);
                continue;
            }
            if (MergeBoth(repo, dir, name, b, o, t) is { } merged) yield return merged;
        }
    }

    private static FileChange Take(Repository repo, string dir, string name, string oid)
    {
        var bytes = Read(repo, oid);
        object? parsed = null;
        try
        {
            parsed = dir == StoreSnapshot.BeadsDir ? BeadJson.ParseBead(bytes, name) : BeadJson.ParseConvoy(bytes, name);
        }
        catch (BeadFormatException)
        {
            // Their broken file is taken as it is: the user repairs it with `bead edit`; nothing is dropped.
        }
        return new FileChange(dir, name, bytes, parsed);
    }

    private static FileChange? MergeBoth(Repository repo, string dir, string name, string? b, string o, string t)
    {
        try
        {
            if (dir == StoreSnapshot.BeadsDir)
            {
                var merged = BeadMerge.Merge(Base(repo, b, name, BeadJson.ParseBead),
                    BeadJson.ParseBead(Read(repo, o), name), BeadJson.ParseBead(Read(repo, t), name));
                return BeadStore.BeadFile(merged);
            }
            var convoy = BeadMerge.Merge(Base(repo, b, name, BeadJson.ParseConvoy),
                BeadJson.ParseConvoy(Read(repo, o), name), BeadJson.ParseConvoy(Read(repo, t), name));
            return BeadStore.ConvoyFile(convoy);
        }
        catch (BeadFormatException e)
        {
            throw new BeadStoreException($"cannot merge {StoreSnapshot.GodelDir}/{dir}/{name}: {e.Reason.TrimEnd('.')}; fix it with `godel bead edit` and sync again", BeadErrorKind.Corrupt, e);
        }
    }

    private delegate T Parser<T>(ReadOnlySpan<byte> utf8, string path);

    // A base that was broken (both sides since repaired it) is merged as if there were none: everything from both
    // sides is kept. Refusing would leave the sync stuck on a file neither side can change any more.
    private static T? Base<T>(Repository repo, string? oid, string name, Parser<T> parse) where T : class
    {
        if (oid is null) return null;
        try
        {
            return parse(Read(repo, oid), name);
        }
        catch (BeadFormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Entries(Commit commit, string dir)
    {
        var tree = commit[$"{StoreSnapshot.GodelDir}/{dir}"]?.Target as Tree;
        return tree is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : tree.Where(e => e.TargetType == TreeEntryTargetType.Blob && e.Name.EndsWith(".json", StringComparison.Ordinal))
                .ToDictionary(e => e.Name, e => e.Target.Sha, StringComparer.Ordinal);
    }

    private static byte[] Read(Repository repo, string oid)
    {
        using var stream = repo.Lookup<Blob>(oid).GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
