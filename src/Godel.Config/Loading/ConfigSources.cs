// Which layers make up the configuration: the user's file, the repository's godel.toml, then environment and flags.
using Godel.Config.Diagnostics;

namespace Godel.Config.Loading;

/// <summary>One value set outside files: `GODEL__TUI__THEME=light` in the environment or `--set tui.theme=light`.</summary>
public sealed record ConfigOverride(string Path, string Value, ValueOrigin Origin)
{
    public const string EnvironmentPrefix = "GODEL__";

    /// <summary>Parses `--set KEY=VALUE`. Without `=` or a key, the path is empty and loading reports it.</summary>
    public static ConfigOverride FromFlag(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        var origin = ValueOrigin.FromFlag($"--set {assignment}");
        return equals <= 0 ? new ConfigOverride("", assignment, origin) : new ConfigOverride(assignment[..equals].Trim(), assignment[(equals + 1)..], origin);
    }

    /// <summary>Every `GODEL__SECTION__KEY` variable, as `section.key` overrides, in a stable order.</summary>
    public static IReadOnlyList<ConfigOverride> FromEnvironment(IReadOnlyDictionary<string, string?> environment) =>
    [
        .. environment
            .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && e.Key.Length > EnvironmentPrefix.Length && e.Value is not null)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ConfigOverride(
                e.Key[EnvironmentPrefix.Length..].Replace("__", ".", StringComparison.Ordinal).ToLowerInvariant(),
                e.Value!,
                ValueOrigin.FromEnvironment(e.Key))),
    ];
}

/// <summary>The inputs of <see cref="ConfigLoader.Load"/>. Missing files are skipped; later layers win.</summary>
public sealed record ConfigSources
{
    public const string RepoFileName = "godel.toml";

    /// <summary>`$XDG_CONFIG_HOME/godel/config.toml` (else `~/.config/godel/config.toml`); null to skip.</summary>
    public string? UserConfigPath { get; init; }

    /// <summary>`&lt;repo&gt;/godel.toml`; null outside a repository.</summary>
    public string? RepoConfigPath { get; init; }

    /// <summary>Environment overrides first, then flags (so a flag beats the environment).</summary>
    public IReadOnlyList<ConfigOverride> Overrides { get; init; } = [];

    /// <summary>Folder of the user's own themes (`…/godel/themes`); null to use bundled themes only.</summary>
    public string? UserThemesDir { get; init; }

    /// <summary>Folder the relative paths of the command line resolve from (theme paths).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The standard layers for a repository (or none) and an environment, plus `--set` flags.</summary>
    public static ConfigSources Discover(string? repoRoot, IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? setFlags = null, string? workingDirectory = null)
    {
        var userDir = UserConfigDirectory(environment);
        var flags = (setFlags ?? []).Select(ConfigOverride.FromFlag);
        return new ConfigSources
        {
            UserConfigPath = userDir is null ? null : Path.Combine(userDir, "config.toml"),
            RepoConfigPath = repoRoot is null ? null : Path.Combine(repoRoot, RepoFileName),
            Overrides = [.. ConfigOverride.FromEnvironment(environment), .. flags],
            UserThemesDir = userDir is null ? null : Path.Combine(userDir, "themes"),
            WorkingDirectory = workingDirectory,
        };
    }

    /// <summary>`$XDG_CONFIG_HOME/godel`, else `$HOME/.config/godel`; null when neither variable is set.</summary>
    public static string? UserConfigDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "godel");
        }

        return environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "godel") : null;
    }
}
