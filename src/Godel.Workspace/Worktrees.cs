// An agent's own git worktree for a bead: `<root>/<worktree_dir>/<bead>` on branch `godel/<bead>`.
// A worktree with uncommitted work is never deleted.
using Godel.Config.Model;
using LibGit2Sharp;

namespace Godel.Workspace;

public static class Worktrees
{
    /// <summary>The branch an agent working on a bead commits to.</summary>
    public static string BranchFor(string beadId) => $"godel/{beadId}";

    public static string PathFor(string root, WorkspaceConfig config, string beadId)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.GetFullPath(Path.Combine(root, config.WorktreeDir, beadId));
    }

    /// <summary>The bead's worktree, created (with its branch, from the base branch or HEAD) when missing; reused otherwise.</summary>
    public static string EnsureForBead(string root, WorkspaceConfig config, string beadId)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = PathFor(root, config, beadId);
        if (Directory.Exists(path) && (File.Exists(Path.Combine(path, ".git")) || Directory.Exists(Path.Combine(path, ".git"))))
        {
            return path;
        }

        using var repo = new Repository(root);
        if (repo.Info.IsHeadUnborn)
        {
            throw new InvalidOperationException($"cannot create a worktree for {beadId}: the repository has no commits yet (commit something first)");
        }

        var branchName = BranchFor(beadId);
        var branch = repo.Branches[branchName] ?? repo.CreateBranch(branchName, BaseCommit(repo, config));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        repo.Worktrees.Add(branch.CanonicalName, beadId, path, isLocked: false);
        return path;
    }

    /// <summary>True when the worktree has changes not committed (modified, staged or untracked files).</summary>
    public static bool HasUncommittedWork(string worktreePath)
    {
        using var repo = new Repository(worktreePath);
        return repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true }).IsDirty;
    }

    /// <summary>Removes the bead's worktree (not its branch) unless it has uncommitted work; returns whether it was removed.</summary>
    public static bool RemoveIfClean(string root, WorkspaceConfig config, string beadId)
    {
        var path = PathFor(root, config, beadId);
        if (!Directory.Exists(path))
        {
            return true;
        }

        if (HasUncommittedWork(path))
        {
            return false;
        }

        Directory.Delete(path, recursive: true);
        using var repo = new Repository(root);
        if (repo.Worktrees[beadId] is { } worktree)
        {
            repo.Worktrees.Prune(worktree, ifLocked: false);
        }

        return true;
    }

    private static Commit BaseCommit(Repository repo, WorkspaceConfig config) =>
        config.BaseBranch is { } name
            ? repo.Branches[name]?.Tip ?? throw new InvalidOperationException($"base branch '{name}' ([workspace] base_branch) does not exist")
            : repo.Head.Tip;
}
