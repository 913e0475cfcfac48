// Finds the git repository containing a folder, resolving linked worktrees and subfolders to the main repository.
using LibGit2Sharp;

namespace Godel.Workspace;

/// <summary>Raised when a folder is not inside a usable git repository; the message is one line for the user.</summary>
public sealed class NotARepositoryException : Exception
{
    public NotARepositoryException()
        : base("not a git repository")
    {
    }

    public NotARepositoryException(string message)
        : base(message)
    {
    }

    public NotARepositoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public static class WorkspaceLocator
{
    /// <summary>The workspace containing <paramref name="folder"/>, or null when it is not in a git repository.</summary>
    public static WorkspaceLocation? Find(string folder)
    {
        var discovered = Repository.Discover(folder);
        if (discovered is null)
        {
            return null;
        }

        var commonDir = CommonDirectory(discovered);
        using var main = new Repository(commonDir);
        if (main.Info.IsBare || main.Info.WorkingDirectory is null)
        {
            throw new NotARepositoryException($"{commonDir} is a bare repository: Godel needs a repository with a working folder");
        }

        var branch = main.Info.IsHeadDetached ? null : main.Head.FriendlyName;
        return new WorkspaceLocation(Path.TrimEndingDirectorySeparator(main.Info.WorkingDirectory), Path.TrimEndingDirectorySeparator(main.Info.Path), branch);
    }

    /// <summary>Like <see cref="Find"/> but throws a one-line <see cref="NotARepositoryException"/> outside a repository.</summary>
    public static WorkspaceLocation Require(string folder) =>
        Find(folder) ?? throw new NotARepositoryException($"{folder} is not inside a git repository (run `git init` first, or cd into one)");

    // A linked worktree's git folder (`.git/worktrees/NAME`) names the shared one in its `commondir` file.
    private static string CommonDirectory(string gitDirectory)
    {
        var commondirFile = Path.Combine(gitDirectory, "commondir");
        if (!File.Exists(commondirFile))
        {
            return gitDirectory;
        }

        var relative = File.ReadAllText(commondirFile).Trim();
        return Path.GetFullPath(relative, gitDirectory);
    }
}
