// A real git repository in a temporary folder, with one commit, deleted after the test.
using LibGit2Sharp;

namespace Godel.Workspace.Tests;

internal sealed class TestRepository : IDisposable
{
    public TestRepository(string folderName = "repo", string branch = "main")
    {
        Parent = Directory.CreateTempSubdirectory("godel-ws-test-").FullName;
        Root = Path.Combine(Parent, folderName);
        Directory.CreateDirectory(Root);
        Repository.Init(Root);
        using var repo = new Repository(Root);
        repo.Refs.UpdateTarget("HEAD", $"refs/heads/{branch}");
        File.WriteAllText(Path.Combine(Root, "README.md"), "hello\n");
        Commands.Stage(repo, "README.md");
        var who = new Signature("Test", "test@example.com", DateTimeOffset.UnixEpoch);
        repo.Commit("first", who, who);
    }

    /// <summary>Holds the repository and anything a test puts beside it (linked worktrees).</summary>
    public string Parent { get; }

    public string Root { get; }

    public string GitDir => Path.Combine(Root, ".git");

    /// <summary>Adds a linked worktree on a new branch, as Godel does for an agent.</summary>
    public string AddWorktree(string name)
    {
        using var repo = new Repository(Root);
        var path = Path.Combine(Parent, name);
        repo.Worktrees.Add(name, path, false);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Parent, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Parent, recursive: true);
    }
}
