// `godel init`: makes a repository a workspace (godel.toml, .godel/, exclude entry) without ever overwriting anything.
using System.Text.RegularExpressions;
using Godel.Config;
using Godel.Config.Loading;

namespace Godel.Workspace;

/// <summary>What <see cref="WorkspaceInitializer.Initialize"/> did, step by step, for the user to read.</summary>
public sealed record InitResult(WorkspaceLocation Location, IReadOnlyList<string> Done, IReadOnlyList<string> AlreadyThere)
{
    public bool ChangedAnything => Done.Count > 0;
}

public static partial class WorkspaceInitializer
{
    public const string ExcludeLine = "/.godel/";

    /// <summary>Creates what is missing; a second run changes nothing. An existing godel.toml is never touched.</summary>
    public static InitResult Initialize(WorkspaceLocation location)
    {
        var done = new List<string>();
        var already = new List<string>();
        (WriteConfig(location) ? done : already).Add(location.ConfigPath);
        (CreateStateFolder(location) ? done : already).Add(location.StatePath + Path.DirectorySeparatorChar);
        (AddExclude(location) ? done : already).Add($"{ExcludeLine} in {location.ExcludePath}");
        return new InitResult(location, done, already);
    }

    /// <summary>The example config with this repository's base branch and bead prefix filled in.</summary>
    public static string ConfigText(WorkspaceLocation location)
    {
        var text = EmbeddedDefaults.ExampleConfig;
        if (location.CurrentBranch is { } branch)
        {
            text = BaseBranchLine().Replace(text, $"base_branch = {EffectiveConfigWriter.Format(branch)}", 1);
        }

        return BeadPrefixLine().Replace(text, $"bead_prefix = \"{BeadPrefixFor(location.RootPath)}\"", 1);
    }

    /// <summary>A valid bead prefix from the repository folder's name (`My Repo.NET` → `my-repo-net`), else `godel`.</summary>
    public static string BeadPrefixFor(string rootPath)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(rootPath)).ToLowerInvariant();
        var cleaned = NonPrefixChars().Replace(name, "-").Trim('-');
        cleaned = LeadingNonLetters().Replace(cleaned, "");
        if (cleaned.Length > 20)
        {
            cleaned = cleaned[..20].TrimEnd('-');
        }

        return cleaned.Length == 0 ? "godel" : cleaned;
    }

    private static bool WriteConfig(WorkspaceLocation location)
    {
        if (File.Exists(location.ConfigPath))
        {
            return false;
        }

        var text = ConfigText(location);
        var check = ConfigLoader.LoadText(text, location.ConfigPath);
        if (!check.IsValid)
        {
            // The branch name is the only input; if it cannot be written validly, leave the default (current branch).
            text = ConfigText(location with { CurrentBranch = null });
        }

        // CreateNew: if another process wrote godel.toml meanwhile, keep theirs.
        try
        {
            using var stream = new FileStream(location.ConfigPath, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
            return true;
        }
        catch (IOException) when (File.Exists(location.ConfigPath))
        {
            return false;
        }
    }

    private static bool CreateStateFolder(WorkspaceLocation location)
    {
        if (Directory.Exists(location.StatePath))
        {
            return false;
        }

        Directory.CreateDirectory(location.StatePath);
        return true;
    }

    private static bool AddExclude(WorkspaceLocation location)
    {
        var path = location.ExcludePath;
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var lines = existing.Split('\n').Select(l => l.Trim());
        if (lines.Any(l => l is ExcludeLine or ".godel/" or ".godel" or "/.godel"))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, $"{separator}# Godel's local state (agents' worktrees, logs): never committed.\n{ExcludeLine}\n");
        return true;
    }

    [GeneratedRegex(@"^#base_branch = .*$", RegexOptions.Multiline)]
    private static partial Regex BaseBranchLine();

    [GeneratedRegex(@"^bead_prefix = .*$", RegexOptions.Multiline)]
    private static partial Regex BeadPrefixLine();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonPrefixChars();

    [GeneratedRegex("^[^a-z]+")]
    private static partial Regex LeadingNonLetters();
}
