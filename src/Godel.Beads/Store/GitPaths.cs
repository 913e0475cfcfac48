// Finds a repository from any directory (main checkout or linked worktree) and reads the beads ref without libgit2.
namespace Godel.Beads.Store;

/// <summary>
/// Where a repository lives on disk. Linked worktrees share the common git directory, so the beads
/// ref, the writer lock and the `.godel` folder are always resolved through <see cref="CommonDir"/>.
/// </summary>
public sealed record GitPaths(string GitDir, string CommonDir, string GodelDir)
{
    public const string BeadsRef = "refs/heads/godel/beads";

    /// <summary>Walks up from <paramref name="start"/> to the first `.git` (folder or `gitdir:` file) or bare repository.</summary>
    public static GitPaths Discover(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return FromGitDir(dotGit);
            if (File.Exists(dotGit)) return FromGitDir(ReadGitFile(dotGit, dir.FullName));
            if (LooksLikeGitDir(dir.FullName)) return FromGitDir(dir.FullName);
        }
        throw new BeadStoreException(
            $"not in a git repository ({start}): beads live on a branch of a repository; run `git init` first or cd into one",
            BeadErrorKind.NotARepository);
    }

    /// <summary>The commit id the beads branch points at, or null when the branch does not exist yet.</summary>
    public string? ReadBeadsRef() => ReadRef(BeadsRef);

    /// <summary>Reads a ref from its loose file, then from packed-refs (git's own order).</summary>
    public string? ReadRef(string name)
    {
        var loose = Path.Combine(CommonDir, name);
        try
        {
            var text = File.ReadAllText(loose).Trim();
            if (text.Length == 40) return text;
        }
        catch (FileNotFoundException) { }
        catch (DirectoryNotFoundException) { }
        return ReadPackedRef(name);
    }

    private string? ReadPackedRef(string name)
    {
        var packed = Path.Combine(CommonDir, "packed-refs");
        if (!File.Exists(packed)) return null;
        foreach (var line in File.ReadLines(packed))
        {
            if (line.Length > 41 && line[40] == ' ' && line.AsSpan(41).SequenceEqual(name)) return line[..40];
        }
        return null;
    }

    private static GitPaths FromGitDir(string gitDir)
    {
        gitDir = Path.GetFullPath(gitDir).TrimEnd(Path.DirectorySeparatorChar);
        var commonFile = Path.Combine(gitDir, "commondir");
        var common = File.Exists(commonFile)
            ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()))
            : gitDir;
        common = common.TrimEnd(Path.DirectorySeparatorChar);
        // The main working tree is the common dir's parent; a bare repository keeps `.godel` inside itself.
        var godel = Path.GetFileName(common) == ".git"
            ? Path.Combine(Path.GetDirectoryName(common)!, ".godel")
            : Path.Combine(common, "godel");
        return new GitPaths(gitDir, common, godel);
    }

    private static string ReadGitFile(string file, string dir)
    {
        var text = File.ReadAllText(file).Trim();
        const string marker = "gitdir:";
        if (!text.StartsWith(marker, StringComparison.Ordinal))
            throw new BeadStoreException($"{file} is not a valid .git file (expected `gitdir: PATH`)", BeadErrorKind.NotARepository);
        return Path.GetFullPath(Path.Combine(dir, text[marker.Length..].Trim()));
    }

    private static bool LooksLikeGitDir(string dir) =>
        File.Exists(Path.Combine(dir, "HEAD"))
        && Directory.Exists(Path.Combine(dir, "objects"))
        && Directory.Exists(Path.Combine(dir, "refs"));
}
