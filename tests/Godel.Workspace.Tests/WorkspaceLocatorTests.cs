// Finding the workspace from the root, a subfolder and a linked worktree, and refusing non-repositories.
namespace Godel.Workspace.Tests;

public sealed class WorkspaceLocatorTests
{
    [Fact]
    public void Finds_the_repository_from_its_root_and_reads_the_branch()
    {
        using var repo = new TestRepository(branch: "trunk");

        var location = WorkspaceLocator.Find(repo.Root)!;

        Assert.Equal(repo.Root, location.RootPath);
        Assert.Equal(repo.GitDir, location.GitDirectory);
        Assert.Equal("trunk", location.CurrentBranch);
        Assert.Equal(Path.Combine(repo.Root, "godel.toml"), location.ConfigPath);
    }

    [Fact]
    public void Finds_the_repository_from_a_subfolder()
    {
        using var repo = new TestRepository();
        var sub = Directory.CreateDirectory(Path.Combine(repo.Root, "src", "deep")).FullName;

        Assert.Equal(repo.Root, WorkspaceLocator.Find(sub)!.RootPath);
    }

    [Fact]
    public void From_a_linked_worktree_it_resolves_to_the_main_repository()
    {
        using var repo = new TestRepository();
        var worktree = repo.AddWorktree("agent-1");

        var location = WorkspaceLocator.Find(worktree)!;

        Assert.Equal(repo.Root, location.RootPath);
        Assert.Equal(repo.GitDir, location.GitDirectory);
        Assert.Equal("main", location.CurrentBranch);
    }

    [Fact]
    public void Outside_a_repository_find_gives_null_and_require_explains()
    {
        var folder = Directory.CreateTempSubdirectory("godel-ws-none-").FullName;
        try
        {
            Assert.Null(WorkspaceLocator.Find(folder));
            var e = Assert.Throws<NotARepositoryException>(() => WorkspaceLocator.Require(folder));
            Assert.Equal($"{folder} is not inside a git repository (run `git init` first, or cd into one)", e.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void A_bare_repository_is_refused_with_a_reason()
    {
        var folder = Directory.CreateTempSubdirectory("godel-ws-bare-").FullName;
        try
        {
            LibGit2Sharp.Repository.Init(folder, isBare: true);

            var e = Assert.Throws<NotARepositoryException>(() => WorkspaceLocator.Find(folder));

            Assert.Contains("is a bare repository", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
