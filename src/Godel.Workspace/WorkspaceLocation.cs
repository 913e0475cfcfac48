// Where a workspace lives: the main repository's root, its git folder, and where Godel keeps local state.
namespace Godel.Workspace;

/// <summary>
/// A git repository Godel manages. <see cref="RootPath"/> is always the MAIN repository's working folder, even when
/// found from inside a linked worktree (an agent's), so every worktree shares one godel.toml and one `.godel/`.
/// </summary>
public sealed record WorkspaceLocation(string RootPath, string GitDirectory, string? CurrentBranch)
{
    public const string StateFolderName = ".godel";

    /// <summary>`&lt;root&gt;/godel.toml`.</summary>
    public string ConfigPath => Path.Combine(RootPath, "godel.toml");

    /// <summary>`&lt;root&gt;/.godel`: local state (worktrees, logs, proxy database); never committed.</summary>
    public string StatePath => Path.Combine(RootPath, StateFolderName);

    /// <summary>The repository-wide exclude file (shared by all worktrees).</summary>
    public string ExcludePath => Path.Combine(GitDirectory, "info", "exclude");
}
