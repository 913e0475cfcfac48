// Finds the workspace root: the main repository's working directory, also from inside one of its worktrees.
namespace Godel.Workspace;

public static class MainRepository
{
    /// <summary>The main repository root above <paramref name="start"/>, or null when it is not inside a git repository.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dir.FullName;
            }

            if (File.Exists(dotGit))
            {
                return FromGitFile(dir.FullName, dotGit) ?? dir.FullName;
            }
        }

        return null;
    }

    // A worktree's `.git` is a file "gitdir: <main>/.git/worktrees/<name>"; that folder's `commondir` points at <main>/.git.
    private static string? FromGitFile(string worktree, string gitFile)
    {
        var line = File.ReadAllText(gitFile).Trim();
        if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return null;
        }

        var gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), worktree);
        var commonFile = Path.Combine(gitDir, "commondir");
        if (!File.Exists(commonFile))
        {
            return null;
        }

        var common = Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetFileName(common) == ".git" ? Path.GetDirectoryName(common) : null;
    }
}
