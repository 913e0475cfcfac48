// Builds a snapshot of a commit with libgit2: from scratch, or by diffing trees from an older snapshot.
using Godel.Beads.Json;
using Godel.Beads.Model;
using LibGit2Sharp;

namespace Godel.Beads.Store;

/// <summary>Reads the beads branch's trees and blobs. Only changed blobs are parsed when catching up.</summary>
internal static class SnapshotLoader
{
    /// <summary>Reads every file of <paramref name="commit"/> (slow path: once per repository, then cached).</summary>
    public static StoreSnapshot Full(Repository repo, string commit)
    {
        var s = new StoreSnapshot { Commit = commit, Verified = true };
        var root = repo.Lookup<Commit>(commit)?.Tree
            ?? throw new BeadStoreException($"{GitPaths.BeadsRef} points at {commit}, which is not a commit", BeadErrorKind.Corrupt);
        s.Root = Raw(root);
        var godel = SubTree(repo, s.Root, StoreSnapshot.GodelDir);
        s.Godel = godel is null ? new RawTree() : Raw(godel);
        var beads = SubTree(repo, s.Godel, StoreSnapshot.BeadsDir);
        var convoys = SubTree(repo, s.Godel, StoreSnapshot.ConvoysDir);
        s.BeadFiles = beads is null ? new RawTree() : Raw(beads);
        s.ConvoyFiles = convoys is null ? new RawTree() : Raw(convoys);
        foreach (var e in s.BeadFiles.Entries.Where(StoreSnapshot.IsItemFile)) s.Beads[e.Name] = ParseBead(repo, e);
        foreach (var e in s.ConvoyFiles.Entries.Where(StoreSnapshot.IsItemFile)) s.Convoys[e.Name] = ParseConvoy(repo, e);
        return s;
    }

    /// <summary>Moves <paramref name="s"/> from its commit to <paramref name="commit"/>; returns false if it must be rebuilt.</summary>
    public static bool CatchUp(Repository repo, StoreSnapshot s, string commit)
    {
        var newRoot = repo.Lookup<Commit>(commit)?.Tree;
        if (newRoot is null) return false;
        var root = Raw(newRoot);
        var godelTree = SubTree(repo, root, StoreSnapshot.GodelDir);
        var godel = godelTree is null ? new RawTree() : Raw(godelTree);
        if (!CatchUpDir(repo, s.BeadFiles, godel, StoreSnapshot.BeadsDir, s.Beads, ParseBead, out var beadFiles)) return false;
        if (!CatchUpDir(repo, s.ConvoyFiles, godel, StoreSnapshot.ConvoysDir, s.Convoys, ParseConvoy, out var convoyFiles)) return false;
        s.Root = root;
        s.Godel = godel;
        s.BeadFiles = beadFiles;
        s.ConvoyFiles = convoyFiles;
        s.Commit = commit;
        return true;
    }

    public static RawTree Raw(Tree tree) =>
        RawTree.From(tree.Select(e => new RawEntry(e.Name, Convert.ToString((int)e.Mode, 8), e.Target.Id.RawId)));

    public static Loaded<Bead> ParseBead(Repository repo, RawEntry e) =>
        Parse(repo, e, $".godel/beads/{e.Name}", (bytes, path) =>
        {
            var bead = BeadJson.ParseBead(bytes, path);
            var expected = StoreSnapshot.IdOf(e.Name);
            return bead.Id == expected ? bead : throw new BeadFormatException(path, $"\"id\" is \"{bead.Id}\" but the file name says \"{expected}\"");
        });

    public static Loaded<Convoy> ParseConvoy(Repository repo, RawEntry e) =>
        Parse(repo, e, $".godel/convoys/{e.Name}", (bytes, path) => BeadJson.ParseConvoy(bytes, path));

    private delegate T Parser<out T>(byte[] bytes, string path);

    private static Loaded<T> Parse<T>(Repository repo, RawEntry e, string path, Parser<T> parse) where T : class
    {
        try
        {
            var blob = repo.Lookup<Blob>(new ObjectId(e.Oid));
            if (blob is null) return new Loaded<T>(e.OidHex, null, $"{path}: blob {e.OidHex} is missing");
            using var stream = blob.GetContentStream();
            using var buffer = new MemoryStream((int)blob.Size);
            stream.CopyTo(buffer);
            return new Loaded<T>(e.OidHex, parse(buffer.ToArray(), path), null);
        }
        catch (BeadFormatException ex)
        {
            return new Loaded<T>(e.OidHex, null, ex.Message);
        }
    }

    private static bool CatchUpDir<T>(
        Repository repo, RawTree old, RawTree newGodel, string dir,
        Dictionary<string, Loaded<T>> items, Func<Repository, RawEntry, Loaded<T>> parse, out RawTree updated) where T : class
    {
        updated = old;
        var newEntry = newGodel.Get(dir);
        var oldHex = old.Entries.Count == 0 ? null : RawTree.HashHex(old.Serialize());
        var newHex = newEntry?.IsTree == true ? newEntry.OidHex : null;
        if (oldHex == newHex) return true;
        var oldTree = oldHex is null ? null : repo.Lookup<Tree>(oldHex);
        var newTree = newHex is null ? null : repo.Lookup<Tree>(newHex);
        if (oldHex is not null && oldTree is null) return false;
        var changes = repo.Diff.Compare<TreeChanges>(oldTree, newTree, new CompareOptions { Similarity = SimilarityOptions.None });
        foreach (var change in changes)
        {
            if (change.Path.Contains('/', StringComparison.Ordinal)) return false; // nested folders: rebuild plainly
            if (change.Status == ChangeKind.Deleted)
            {
                old.Remove(change.Path);
                items.Remove(change.Path);
                continue;
            }
            var entry = new RawEntry(change.Path, Convert.ToString((int)change.Mode, 8), change.Oid.RawId);
            old.Set(entry);
            if (StoreSnapshot.IsItemFile(entry)) items[entry.Name] = parse(repo, entry);
            else items.Remove(entry.Name);
        }
        return (newHex is null && old.Entries.Count == 0) || RawTree.HashHex(old.Serialize()) == newHex;
    }

    private static Tree? SubTree(Repository repo, RawTree parent, string name)
    {
        var e = parent.Get(name);
        return e is { IsTree: true } ? repo.Lookup<Tree>(new ObjectId(e.Oid)) : null;
    }
}
