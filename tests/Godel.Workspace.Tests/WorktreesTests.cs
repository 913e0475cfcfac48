// Bead worktrees: created on their own branch from HEAD, reused, and never deleted with uncommitted work.
using Godel.Config.Model;
using LibGit2Sharp;

namespace Godel.Workspace.Tests;

public sealed class WorktreesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("godel-worktrees-");
    private readonly WorkspaceConfig _config = new();

    private string Root => _dir.FullName;

    private void Commit()
    {
        Repository.Init(Root);
        using var repo = new Repository(Root);
        File.WriteAllText(Path.Combine(Root, "README"), "hello\n");
        Commands.Stage(repo, "README");
        var who = new Signature("t", "t@example.com", DateTimeOffset.UtcNow);
        repo.Commit("first", who, who);
    }

    [Fact]
    public void A_bead_gets_a_worktree_on_its_own_branch_and_it_is_reused()
    {
        Commit();

        var path = Worktrees.EnsureForBead(Root, _config, "godel-a3f9k");
        var again = Worktrees.EnsureForBead(Root, _config, "godel-a3f9k");

        Assert.Equal(Path.Combine(Root, ".godel", "worktrees", "godel-a3f9k"), path);
        Assert.Equal(path, again);
        using var worktree = new Repository(path);
        Assert.Equal("godel/godel-a3f9k", worktree.Head.FriendlyName);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(path, "README")));
    }

    [Fact]
    public void A_worktree_with_uncommitted_work_is_never_removed()
    {
        Commit();
        var path = Worktrees.EnsureForBead(Root, _config, "godel-b1");
        File.WriteAllText(Path.Combine(path, "work.txt"), "not committed");

        Assert.False(Worktrees.RemoveIfClean(Root, _config, "godel-b1"));
        Assert.True(File.Exists(Path.Combine(path, "work.txt")));

        File.Delete(Path.Combine(path, "work.txt"));
        Assert.True(Worktrees.RemoveIfClean(Root, _config, "godel-b1"));
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void A_repository_without_commits_gets_a_clear_error()
    {
        Repository.Init(Root);

        var e = Assert.Throws<InvalidOperationException>(() => Worktrees.EnsureForBead(Root, _config, "godel-c1"));

        Assert.Contains("no commits yet", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in _dir.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal;
        }

        _dir.Delete(recursive: true);
    }
}
