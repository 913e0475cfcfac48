// `godel sync` between two clones of a bare remote: nothing either side wrote is lost.
using Godel.Beads.Model;
using Godel.Beads.Store;
using Godel.Beads.Sync;

namespace Godel.Beads.Tests;

public sealed class BeadSyncTests : IDisposable
{
    private readonly TempRepo _remote = new(bare: true);
    private readonly TempRepo _seed;
    private readonly TempRepo _a;
    private readonly TempRepo _b;

    public BeadSyncTests()
    {
        _seed = TempRepo.CloneOf(_remote);
        File.WriteAllText(Path.Combine(_seed.Dir, "README.md"), "x\n");
        _seed.Git("add README.md");
        _seed.Git("commit -q -m init");
        _seed.Git("push -q origin HEAD:main");
        _a = TempRepo.CloneOf(_remote);
        _b = TempRepo.CloneOf(_remote);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _seed.Dispose();
        _remote.Dispose();
    }

    private static BeadStore Open(TempRepo repo) => BeadStore.Open(repo.Dir);

    private static SyncResult Sync(TempRepo repo)
    {
        using var store = Open(repo);
        return BeadSync.Run(store, "origin", repo.Dir);
    }

    [Fact]
    public void Two_clones_changing_the_same_and_different_beads_converge_on_the_union()
    {
        string shared, onlyA;
        using (var a = Open(_a))
        {
            shared = a.Create(new NewBead { Title = "shared", Labels = ["base"] }).Id;
            a.Comment(shared, "from the start");
        }
        Sync(_a);
        Assert.Contains("fast-forwarded", Sync(_b).Summary, StringComparison.Ordinal);

        using (var a = Open(_a))
        {
            onlyA = a.Create(new NewBead { Title = "only in A" }).Id;
            a.Update(shared, b => b with { Priority = 0, Labels = [.. b.Labels, "from-a"], Title = "A's title" });
            a.Comment(shared, "comment from A");
        }
        Thread.Sleep(20); // B's title change is the later one
        string onlyB;
        using (var b = Open(_b))
        {
            onlyB = b.Create(new NewBead { Title = "only in B" }).Id;
            b.Update(shared, x => x with { Status = BeadStatus.InProgress, Labels = [.. x.Labels, "from-b"], Title = "B's title" });
            b.Comment(shared, "comment from B");
        }

        Sync(_a);                       // A pushes first: plain push
        var merged = Sync(_b);          // B must merge bead by bead
        Assert.Contains("merged", merged.Summary, StringComparison.Ordinal);
        Sync(_a);                       // A fast-forwards to the merge

        Assert.Equal(_a.Git("rev-parse godel/beads"), _b.Git("rev-parse godel/beads"));
        Assert.Equal(_a.Git("rev-parse godel/beads"), _remote.Git("rev-parse godel/beads"));
        using var check = Open(_a);
        var view = check.View();
        Assert.Equal("only in A", view.ResolveBead(onlyA).Title);
        Assert.Equal("only in B", view.ResolveBead(onlyB).Title);
        var s = view.ResolveBead(shared);
        Assert.Equal(0, s.Priority);                         // only A changed it
        Assert.Equal(BeadStatus.InProgress, s.Status);       // only B changed it
        Assert.Equal("B's title", s.Title);                   // both changed it: the later update wins
        Assert.Equal(["base", "from-a", "from-b"], s.Labels.Order());
        Assert.Equal(["from the start", "comment from A", "comment from B"], s.Comments.Select(c => c.Text));
        var parents = _b.Git("log -1 --format=%P godel/beads").Trim().Split(' ');
        Assert.Equal(2, parents.Length);
        _a.Git("fsck --strict");
        Assert.Equal("", _a.Git("status --porcelain"));
    }

    [Fact]
    public void Syncing_with_a_remote_without_beads_pushes_ours()
    {
        using (var a = Open(_a)) a.Create(new NewBead { Title = "first" });
        Assert.Contains("pushed", Sync(_a).Summary, StringComparison.Ordinal);
        Assert.Equal(_a.Git("rev-parse godel/beads"), _remote.Git("rev-parse godel/beads"));
        Assert.Contains("up to date", Sync(_a).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bead_deleted_on_one_side_and_changed_on_the_other_is_kept()
    {
        string id;
        using (var a = Open(_a)) id = a.Create(new NewBead { Title = "keep me" }).Id;
        Sync(_a);
        Sync(_b);
        using (var a = Open(_a)) a.Comment(id, "still wanted");
        BeadStoreTests.RemoveFile(_b, id);
        Sync(_a);
        Sync(_b);
        using var store = Open(_b);
        Assert.Equal("still wanted", store.View().ResolveBead(id).Comments.Single().Text);
    }

    [Fact]
    public void A_file_broken_in_the_merge_base_and_repaired_on_both_sides_still_merges()
    {
        string id;
        using (var a = Open(_a)) id = a.Create(new NewBead { Title = "will break" }).Id;
        BeadStoreTests.BreakFile(_a, id, "{ \"id\": \"" + id + "\", \"title\": ");
        Sync(_a);
        Sync(_b);
        // Each side repairs the file its own way: the broken version is now only in their common history.
        using (var a = Open(_a)) a.Replace(id, new Bead { Id = id, Title = "repaired by A", Labels = ["a"] });
        using (var b = Open(_b)) b.Replace(id, new Bead { Id = id, Title = "repaired by B", Labels = ["b"] });
        Sync(_a);
        var merged = Sync(_b);

        Assert.Contains("merged 1 file(s)", merged.Summary, StringComparison.Ordinal);
        using var store = Open(_b);
        var bead = store.View().ResolveBead(id);
        Assert.Equal("repaired by B", bead.Title);   // both changed it: the later update wins
        Assert.Equal(["a", "b"], bead.Labels.Order());
        Assert.Empty(store.View().Problems);
    }
}
