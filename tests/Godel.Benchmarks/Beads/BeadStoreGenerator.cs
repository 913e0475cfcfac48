// Builds a large bead store fast for benchmarks: N blobs, one tree, ONE commit (not N commits).
using System.Diagnostics;
using Godel.Beads.Json;
using Godel.Beads.Model;
using Godel.Beads.Store;
using LibGit2Sharp;

namespace Godel.Benchmarks.Beads;

internal static class BeadStoreGenerator
{
    private static readonly string[] Labels = ["ui", "backend", "auth", "docs", "perf", "infra"];

    /// <summary>Creates a git repository in <paramref name="dir"/> whose godel/beads holds <paramref name="count"/> beads.</summary>
    public static void Generate(string dir, int count, int seed = 42)
    {
        Directory.CreateDirectory(dir);
        Git(dir, "init -q -b main");
        Git(dir, "config user.name Bench");
        Git(dir, "config user.email bench@example.com");
        var random = new Random(seed);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var repo = new Repository(dir);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<RawEntry>(count);
        var all = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = BeadIds.New("godel", ids.Contains);
            ids.Add(id);
            var bead = new Bead
            {
                Id = id,
                Title = $"Bead number {i}: do something useful",
                Description = "Generated for benchmarks.",
                Type = (BeadType)random.Next(5),
                Status = (BeadStatus)random.Next(4),
                Priority = random.Next(5),
                Labels = [Labels[random.Next(Labels.Length)]],
                Agent = random.Next(4) == 0 ? $"agent-{random.Next(8)}" : null,
                BlockedBy = all.Count > 0 && random.Next(5) == 0 ? [all[random.Next(all.Count)]] : [],
                Created = t0.AddMinutes(i),
                Updated = t0.AddMinutes(i),
            };
            all.Add(id);
            entries.Add(new RawEntry(StoreSnapshot.FileName(id), RawEntry.FileMode, repo.ObjectDatabase.Write<Blob>(BeadJson.ToFile(bead)).RawId));
        }
        var beads = Tree(repo, RawTree.From(entries));
        var godel = Tree(repo, RawTree.From([new RawEntry("beads", RawEntry.TreeMode, beads)]));
        var root = Tree(repo, RawTree.From([new RawEntry(".godel", RawEntry.TreeMode, godel)]));
        var who = new Signature("Bench", "bench@example.com", t0);
        var commit = repo.ObjectDatabase.CreateCommit(who, who, $"generated {count} beads", repo.Lookup<Tree>(new ObjectId(root)), [], false);
        repo.Refs.Add(GitPaths.BeadsRef, commit.Id);
    }

    private static byte[] Tree(Repository repo, RawTree tree) => repo.ObjectDatabase.Write<Tree>(tree.Serialize()).RawId;

    private static void Git(string dir, string args)
    {
        using var p = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = dir })!;
        p.WaitForExit();
    }
}
