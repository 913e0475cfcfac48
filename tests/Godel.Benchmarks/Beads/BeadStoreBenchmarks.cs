// In-process figures for the bead store: create on 10k beads, ready and filtered list on 20k (see docs/BENCHMARKS.md "Beads").
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Godel.Beads.Model;
using Godel.Beads.Store;
using LibGit2Sharp;

namespace Godel.Benchmarks.Beads;

/// <summary>`bead create` against a warm store of 10k beads: blob, 10k-entry tree, commit, CAS ref move.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 20)]
[MedianColumn]
public class BeadCreateBenchmarks
{
    private string _dir = "";
    private BeadStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "godel-bench-create-" + Guid.NewGuid().ToString("N")[..8]);
        BeadStoreGenerator.Generate(_dir, 10_000);
        _store = BeadStore.Open(_dir);
        _store.View();
        _repo = new Repository(_dir);
        var tree = (Tree)_repo.Branches["godel/beads"].Tip[".godel/beads"].Target;
        _anchorTree = RawTree.From(tree.Select(e => new RawEntry(e.Name, RawEntry.FileMode, e.Target.Id.RawId)));
    }

    private Repository _repo = null!;
    private RawTree _anchorTree = null!;

    [Benchmark]
    public Bead Create() => _store.Create(new NewBead { Title = "benchmark bead", Labels = ["bench"] });

    /// <summary>Anchor: libgit2 alone writing one changed 10k-entry tree (the unavoidable core of any such commit).</summary>
    [Benchmark(Baseline = true)]
    public ObjectId Anchor_Libgit2WritesTheTree()
    {
        _anchorTree.Set(new RawEntry("godel-zzzzz.json", RawEntry.FileMode, Guid.NewGuid().ToByteArray().Concat(new byte[4]).ToArray()));
        return _repo.ObjectDatabase.Write<Tree>(_anchorTree.Serialize());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _repo.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>Reading 20k beads from a warm store: the ready queue and a filtered list (what `bead ready`/`bead list --label` do).</summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MedianColumn]
public class BeadQueryBenchmarks
{
    private string _dir = "";
    private BeadStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "godel-bench-query-" + Guid.NewGuid().ToString("N")[..8]);
        BeadStoreGenerator.Generate(_dir, 20_000);
        _store = BeadStore.Open(_dir);
        _store.View();
        _store.SaveCache();
    }

    [Benchmark]
    public int Ready() => _store.View().Ready().Count;

    [Benchmark]
    public int FilteredList()
    {
        var view = _store.View();
        return view.Beads.Values
            .Where(b => !b.IsDone && b.Labels.Contains("auth"))
            .OrderBy(b => b.Priority).ThenBy(b => b.Created)
            .Count();
    }

    /// <summary>Anchor: libgit2 walking the 20k entries of `.godel/beads` (names only, no blob read) — plain `git ls-tree`.</summary>
    [Benchmark(Baseline = true)]
    public int Anchor_Libgit2ListsTheTree()
    {
        using var repo = new Repository(_dir);
        var tree = (Tree)repo.Branches["godel/beads"].Tip[".godel/beads"].Target;
        var n = 0;
        foreach (var e in tree) n += e.Name.Length > 0 ? 1 : 0;
        return n;
    }

    /// <summary>A new process's first step, loading the 20k read index from `.godel/cache`.</summary>
    [Benchmark]
    public int LoadCacheFile()
    {
        using var fresh = BeadStore.Open(_dir);
        return fresh.View().Beads.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
