// The git-backed store against real repositories: commits, the ref, ids, cycles, broken files, worktrees, the cache.
using System.Text;
using Godel.Beads.Json;
using Godel.Beads.Model;
using Godel.Beads.Store;

namespace Godel.Beads.Tests;

public sealed class BeadStoreTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private BeadStore Open(string? dir = null, string? actor = null) =>
        BeadStore.Open(dir ?? _repo.Dir, new BeadStoreOptions { Actor = actor });

    [Fact]
    public void Create_writes_one_commit_on_godel_beads_and_touches_no_working_tree_or_index()
    {
        var headBefore = _repo.Git("rev-parse HEAD");
        using var store = Open();
        var bead = store.Create(new NewBead { Title = "Fix auth bug", Type = BeadType.Bug });

        Assert.Matches("^godel-[0-9a-z]{5}$", bead.Id);
        Assert.Equal($"{bead.Id}: created \"Fix auth bug\"", _repo.Git("log -1 --format=%s godel/beads").Trim());
        Assert.Contains($".godel/beads/{bead.Id}.json", _repo.Git("ls-tree -r --name-only godel/beads"), StringComparison.Ordinal);
        Assert.Contains("\"schema\": 1", _repo.Git($"show godel/beads:.godel/beads/{bead.Id}.json"), StringComparison.Ordinal);
        Assert.Equal(headBefore, _repo.Git("rev-parse HEAD"));
        Assert.Equal("", _repo.Git("status --porcelain"));
        Assert.Equal("Test User", _repo.Git("log -1 --format=%an godel/beads").Trim());
    }

    [Fact]
    public void The_beads_branch_is_an_orphan_with_its_own_history()
    {
        using var store = Open();
        store.Create(new NewBead { Title = "a" });
        store.Create(new NewBead { Title = "b" });
        Assert.Equal("2", _repo.Git("rev-list --count godel/beads").Trim());
        var root = _repo.Git("rev-list --max-parents=0 godel/beads").Trim();
        Assert.NotEqual(_repo.Git("rev-list --max-parents=0 main").Trim(), root);
        Assert.Equal(".godel", _repo.Git("ls-tree --name-only godel/beads").Trim());
        _repo.Git("fsck --strict");
    }

    [Fact]
    public void Updates_say_what_changed_and_bump_updated()
    {
        using var store = Open();
        var bead = store.Create(new NewBead { Title = "t" });
        var updated = store.Update(bead.Id, b => b with { Status = BeadStatus.InProgress, Priority = 1 });
        Assert.Equal($"{bead.Id}: status open → in-progress, priority 2 → 1", _repo.Git("log -1 --format=%s godel/beads").Trim());
        Assert.True(updated.Updated >= bead.Updated);
        var same = store.Update(bead.Id, b => b);
        Assert.Equal(updated, same);
        Assert.Equal("2", _repo.Git("rev-list --count godel/beads").Trim()); // no empty commits
    }

    [Fact]
    public void GODEL_ACTOR_names_the_author_and_the_commenter()
    {
        using var store = Open(actor: "claude-1");
        var bead = store.Create(new NewBead { Title = "t" });
        var commented = store.Comment(bead.Id, "on it");
        Assert.Equal("claude-1", commented.Comments.Single().Author);
        Assert.Equal("claude-1 test@example.com", _repo.Git("log -1 --format=\"%an %ae\" godel/beads").Trim());
    }

    [Fact]
    public void A_repository_without_any_commit_still_holds_beads()
    {
        using var empty = new TempRepo(withCommit: false);
        using var store = BeadStore.Open(empty.Dir);
        var bead = store.Create(new NewBead { Title = "first" });
        Assert.Equal(bead.Id, store.View().Beads.Single().Key);
    }

    [Fact]
    public void Outside_a_repository_the_error_says_so()
    {
        var dir = Path.Combine(Path.GetTempPath(), "godel-norepo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var e = Assert.Throws<BeadStoreException>(() => BeadStore.Open(dir));
            Assert.Equal(BeadErrorKind.NotARepository, e.Kind);
            Assert.Contains("not in a git repository", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void A_linked_worktree_sees_and_writes_the_same_beads()
    {
        var wt = Path.Combine(_repo.Root, "wt");
        _repo.Git($"worktree add -q -b feature \"{wt}\"");
        using var main = Open();
        var a = main.Create(new NewBead { Title = "from main" });
        using var linked = Open(Path.Combine(wt));
        Assert.Equal("from main", linked.View().ResolveBead(a.Id).Title);
        var b = linked.Create(new NewBead { Title = "from worktree" });
        Assert.Equal("from worktree", main.View().ResolveBead(b.Id).Title);
        Assert.Equal(main.Paths.GodelDir, linked.Paths.GodelDir);
        Assert.Equal("", TempRepo.RunGit(wt, "status --porcelain"));
    }

    [Fact]
    public void Ids_resolve_from_any_unique_prefix_and_report_ambiguity_and_close_matches()
    {
        string[] ids = ["godel-a3f9k", "godel-a3x00", "godel-7d2qp"];
        Assert.Equal("godel-7d2qp", BeadIds.Resolve("7d", ids));
        Assert.Equal("godel-a3f9k", BeadIds.Resolve("godel-a3f", ids));
        var ambiguous = Assert.Throws<BeadStoreException>(() => BeadIds.Resolve("a3", ids));
        Assert.Equal(BeadErrorKind.Ambiguous, ambiguous.Kind);
        Assert.Contains("godel-a3f9k, godel-a3x00", ambiguous.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<BeadStoreException>(() => BeadIds.Resolve("godel-a3f9z", ids));
        Assert.Equal(BeadErrorKind.NotFound, unknown.Kind);
        Assert.StartsWith("no bead godel-a3f9z; did you mean godel-a3f9k", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shortened_ids_stay_unique()
    {
        var shortIds = BeadIds.Shortened(["godel-a3f9k", "godel-a3f00", "godel-7d2qp"]);
        Assert.Equal("godel-a3f9", shortIds["godel-a3f9k"]);
        Assert.Equal("godel-7d2", shortIds["godel-7d2qp"]);
    }

    [Fact]
    public void Dependency_cycles_are_refused_with_the_cycle_shown()
    {
        using var store = Open();
        var a = store.Create(new NewBead { Title = "a" });
        var b = store.Create(new NewBead { Title = "b", BlockedBy = [a.Id] });
        var c = store.Create(new NewBead { Title = "c", BlockedBy = [b.Id] });
        var e = Assert.Throws<BeadStoreException>(() => store.AddBlocker(a.Id, c.Id));
        Assert.Equal(BeadErrorKind.InvalidInput, e.Kind);
        Assert.Contains($"{a.Id} → {c.Id} → {b.Id} → {a.Id}", e.Message, StringComparison.Ordinal);
        Assert.Throws<BeadStoreException>(() => store.AddBlocker(a.Id, a.Id));
    }

    [Fact]
    public void Ready_lists_open_beads_without_open_blockers_by_priority_then_age()
    {
        using var store = Open();
        var low = store.Create(new NewBead { Title = "low", Priority = 3 });
        var blocker = store.Create(new NewBead { Title = "blocker", Priority = 1 });
        var waiting = store.Create(new NewBead { Title = "waiting", Priority = 0, BlockedBy = [blocker.Id] });
        var urgent = store.Create(new NewBead { Title = "urgent", Priority = 0 });
        Assert.Equal([urgent.Id, blocker.Id, low.Id], store.View().Ready().Select(b => b.Id));
        store.SetStatus(blocker.Id, BeadStatus.Done, "fixed");
        Assert.Equal([waiting.Id, urgent.Id, low.Id], store.View().Ready().Select(b => b.Id));
    }

    [Fact]
    public void A_broken_file_is_named_while_every_other_bead_still_lists_and_nothing_is_rewritten()
    {
        using (var store = Open()) store.Create(new NewBead { Title = "good" });
        var broken = BreakFile(_repo, "godel-zzzzz", "{ \"id\": \"godel-zzzzz\", ");
        using var reopened = Open();
        var view = reopened.View();
        Assert.Single(view.Beads);
        var problem = Assert.Single(view.Problems);
        Assert.Equal(".godel/beads/godel-zzzzz.json", problem.Path);
        var e = Assert.Throws<BeadStoreException>(() => view.ResolveBead("godel-zzzzz"));
        Assert.Contains(".godel/beads/godel-zzzzz.json", e.Message, StringComparison.Ordinal);
        reopened.Create(new NewBead { Title = "another" });
        Assert.Equal(broken, _repo.Git("rev-parse godel/beads:.godel/beads/godel-zzzzz.json").Trim());
    }

    [Fact]
    public void A_new_process_reads_the_cache_and_catches_up_by_diffing_after_outside_commits()
    {
        string id;
        using (var store = Open())
        {
            for (var i = 0; i < 20; i++) store.Create(new NewBead { Title = $"bead {i}" });
            id = store.Create(new NewBead { Title = "watched" }).Id;
        }
        var cacheDir = Path.Combine(_repo.Dir, ".godel", "cache");
        var head = _repo.Git("rev-parse godel/beads").Trim();
        Assert.True(File.Exists(Path.Combine(cacheDir, $"beads-v3-{head}.bin")));
        // A commit written by plain git (not Godel) moves the branch; the next open must see it.
        BreakFile(_repo, id, "{\"id\":\"" + id + "\",\"title\":\"renamed by git\"}");
        using var next = Open();
        Assert.Equal("renamed by git", next.View().ResolveBead(id).Title);
        Assert.Equal(21, next.View().Beads.Count);
        next.SaveCache();
        var newHead = _repo.Git("rev-parse godel/beads").Trim();
        Assert.True(File.Exists(Path.Combine(cacheDir, $"beads-v3-{newHead}.bin")));
        Assert.False(File.Exists(Path.Combine(cacheDir, $"beads-v3-{head}.bin")));
        Assert.Equal("", _repo.Git("status --porcelain"));
    }

    [Fact]
    public void Listing_from_the_read_index_copies_each_beads_json_and_never_a_stale_one()
    {
        string changed;
        using (var store = Open())
        {
            for (var i = 0; i < 5; i++) store.Create(new NewBead { Title = $"bead \"{i}\" →", Labels = ["x", $"l{i}"] });
            changed = store.Create(new NewBead { Title = "before" }).Id;
            store.Comment(changed, "a comment");
        }
        using var next = Open();
        var view = next.View();
        Assert.True(next.Engine.Read(s => s.Beads.Values.All(l => l.ListJson is not null)), "the read index should carry every element");
        var all = view.Beads.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        using (var streamed = new MemoryStream())
        {
            view.WriteListJson(streamed, all);
            Assert.Equal(BeadListWriter.ToUtf8(all).WrittenSpan.ToArray(), streamed.ToArray());
        }

        next.Update(changed, b => b with { Title = "after" });
        var fresh = next.View();
        all = fresh.Beads.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        string listed;
        using (var streamed = new MemoryStream())
        {
            fresh.WriteListJson(streamed, all); // the changed bead is not in the read index: written, the rest copied
            listed = Encoding.UTF8.GetString(streamed.ToArray());
        }
        Assert.Equal(BeadListWriter.ToJson(all), listed);
        Assert.Contains("\"title\":\"after\"", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\":\"before\"", listed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_from_a_cached_snapshot_saves_a_cache_whose_trees_match_the_new_commit()
    {
        string id;
        using (var first = Open()) id = first.Create(new NewBead { Title = "cached" }).Id;
        // The second process starts from the cache file (trees as raw bytes), then writes: its saved cache must hold
        // the tree it wrote, not the one it read, or `bead edit` opens the bead as it was before the comment.
        using (var second = Open()) second.Comment(id, "after the cache");
        using var third = Open();
        var blob = _repo.Git($"rev-parse godel/beads:.godel/beads/{id}.json").Trim();
        Assert.Equal(blob, third.Engine.Read(s => s.BeadFiles.Get(StoreSnapshot.FileName(id))!.OidHex));
        Assert.Equal(_repo.Git($"cat-file blob {blob}"), Encoding.UTF8.GetString(third.ReadBeadFile(id)!));
        Assert.Contains("after the cache", Encoding.UTF8.GetString(third.ReadBeadFile(id)!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_cache_file_is_ignored()
    {
        using (var store = Open()) store.Create(new NewBead { Title = "kept" });
        var head = _repo.Git("rev-parse godel/beads").Trim();
        File.WriteAllText(Path.Combine(_repo.Dir, ".godel", "cache", $"beads-v3-{head}.bin"), "garbage");
        using var next = Open();
        Assert.Equal("kept", next.View().Beads.Values.Single().Title);
    }

    [Fact]
    public void History_and_linked_commits_are_found()
    {
        using var store = Open();
        var bead = store.Create(new NewBead { Title = "t" });
        store.Comment(bead.Id, "c");
        _repo.Git("checkout -q -b work");
        File.WriteAllText(Path.Combine(_repo.Dir, "f.txt"), "x");
        _repo.Git("add f.txt");
        _repo.Git($"commit -q -m \"Do the thing\" -m \"Bead: {bead.Id}\"");
        _repo.Git("commit -q --allow-empty -m \"unrelated godel-zzzzzz\"");
        var history = store.History(bead.Id);
        Assert.Equal(2, history.Count);
        Assert.StartsWith($"{bead.Id}: created", history[0].Message, StringComparison.Ordinal);
        var linked = Assert.Single(store.LinkedCommits(bead.Id));
        Assert.Equal("Do the thing", linked.Summary);
        Assert.Equal("work", linked.Branch);
    }

    [Fact]
    public void Convoys_are_completed_when_every_bead_is_done_and_active_again_on_reopen()
    {
        using var store = Open();
        var a = store.Create(new NewBead { Title = "a" });
        var b = store.Create(new NewBead { Title = "b" });
        var convoy = store.CreateConvoy("Sprint 1", [a.Id, b.Id[..8]]);
        Assert.Matches("^godel-cv-[0-9a-z]{5}$", convoy.Id);
        store.SetStatus(a.Id, BeadStatus.Done);
        Assert.Equal(ConvoyStatus.Active, store.View().ViewOf(store.View().Convoys[convoy.Id]).Status);
        store.SetStatus(b.Id, BeadStatus.Done);
        var view = store.View();
        Assert.Equal(ConvoyStatus.Completed, view.ViewOf(view.Convoys[convoy.Id]).Status);
        store.SetStatus(b.Id, BeadStatus.Open);
        view = store.View();
        Assert.Equal(ConvoyStatus.Active, view.ViewOf(view.Convoys[convoy.Id]).Status);
    }

    /// <summary>Commits a file into godel/beads with plain git plumbing (as a user or another tool would); returns the blob id.</summary>
    internal static string BreakFile(TempRepo repo, string id, string content)
    {
        var index = Path.Combine(repo.Root, "tmp-index-" + Guid.NewGuid().ToString("N"));
        var blobFile = Path.Combine(repo.Root, "blob-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blobFile, content);
        var blob = repo.Git($"hash-object -w \"{blobFile}\"").Trim();
        var env = $"GIT_INDEX_FILE=\"{index}\"";
        Shell(repo, $"{env} git read-tree godel/beads && {env} git update-index --add --cacheinfo 100644,{blob},.godel/beads/{id}.json && " +
            $"tree=$({env} git write-tree) && commit=$(git commit-tree $tree -p godel/beads -m \"hand edit {id}\") && git update-ref refs/heads/godel/beads $commit");
        File.Delete(index);
        File.Delete(blobFile);
        return blob;
    }

    /// <summary>Deletes a bead's file from godel/beads with plain git plumbing.</summary>
    internal static void RemoveFile(TempRepo repo, string id)
    {
        var index = Path.Combine(repo.Root, "tmp-index-" + Guid.NewGuid().ToString("N"));
        var env = $"GIT_INDEX_FILE=\"{index}\"";
        Shell(repo, $"{env} git read-tree godel/beads && {env} git update-index --force-remove .godel/beads/{id}.json && " +
            $"tree=$({env} git write-tree) && commit=$(git commit-tree $tree -p godel/beads -m \"delete {id}\") && git update-ref refs/heads/godel/beads $commit");
        File.Delete(index);
    }

    private static void Shell(TempRepo repo, string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { WorkingDirectory = repo.Dir, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var p = System.Diagnostics.Process.Start(start)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
    }
}
