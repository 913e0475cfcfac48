// What every bead/convoy verb shares: opening the store for the console's directory, parsing values, mapping errors.
using Godel.Beads.Model;
using Godel.Beads.Store;
using Godel.Config.Loading;

namespace Godel.Cli.Beads;

internal static class BeadCli
{
    /// <summary>Opens the store of the repository the console is in; GODEL_ACTOR names agents.</summary>
    public static BeadStore Open(CliConsole console) =>
        BeadStore.Open(console.WorkingDirectory, new BeadStoreOptions
        {
            Prefix = CliConfig.LoadValid(console).Workspace.BeadPrefix,
            Actor = console.GetEnv("GODEL_ACTOR"),
        });

    /// <summary>
    /// Opens the store for a verb that only reads (`list`, `ready`, `convoy list`…). It needs no config value, but an
    /// invalid config still refuses to run, as for every verb; with no config file and no override there is nothing
    /// to check, so the common case starts without libgit2 (repository discovery) or the TOML parser.
    /// </summary>
    public static BeadStore OpenForReading(CliConsole console)
    {
        var paths = GitPaths.Discover(console.WorkingDirectory);
        var root = Path.GetFileName(paths.GodelDir) == ".godel" ? Path.GetDirectoryName(paths.GodelDir) : null;
        var userDir = ConfigSources.UserConfigDirectory(console.Environment);
        if (HasOverride(console)
            || (userDir is not null && File.Exists(Path.Combine(userDir, "config.toml")))
            || (root is not null && File.Exists(Path.Combine(root, ConfigSources.RepoFileName))))
        {
            ConfigLoader.Load(ConfigSources.Discover(root, console.Environment, [], console.WorkingDirectory)).GetValidOrThrow();
        }
        return BeadStore.Open(console.WorkingDirectory, new BeadStoreOptions { Actor = console.GetEnv("GODEL_ACTOR") });
    }

    private static bool HasOverride(CliConsole console)
    {
        foreach (var name in console.Environment.Keys)
        {
            if (name.StartsWith(ConfigOverride.EnvironmentPrefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Runs a verb body: store errors become one clear line and the right exit code, never a stack trace.</summary>
    public static int Run(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (BeadStoreException e)
        {
            console.Error.WriteLine($"godel: {e.Message}");
            return e.Kind switch
            {
                BeadErrorKind.NotARepository or BeadErrorKind.Ambiguous or BeadErrorKind.InvalidInput => ExitCodes.Usage,
                _ => ExitCodes.Failure,
            };
        }
        catch (CliException e)
        {
            console.Error.WriteLine($"godel: {e.Message}");
            return e.ExitCode;
        }
        catch (LibGit2Sharp.LibGit2SharpException e)
        {
            console.Error.WriteLine($"godel: git: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Permissions or a full disk: nothing was committed (the ref only moves after every object is written).
            console.Error.WriteLine($"godel: cannot write to the repository: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Opens the store, runs <paramref name="body"/>, and keeps the read index for the next process.</summary>
    public static int WithStore(CliConsole console, Func<BeadStore, int> body) => Run(console, () =>
    {
        using var store = Open(console);
        return body(store);
    });

    /// <summary>Like <see cref="WithStore"/> for verbs that only read.</summary>
    public static int WithReader(CliConsole console, Func<BeadStore, int> body) => Run(console, () =>
    {
        using var store = OpenForReading(console);
        return body(store);
    });

    /// <summary>Prints one warning per unreadable file, so a broken file never hides silently.</summary>
    public static void WarnProblems(CliConsole console, StoreView view)
    {
        foreach (var p in view.Problems) console.Error.WriteLine($"warning: skipped {p.Reason}");
    }

    public static BeadStatus ParseStatus(string text) =>
        BeadVocabulary.TryParseStatus(text, out var s) ? s
            : throw new CliException($"invalid status '{text}'; valid: {string.Join(", ", BeadVocabulary.Statuses)}", ExitCodes.Usage);

    public static BeadType ParseType(string text) =>
        BeadVocabulary.TryParseType(text, out var t) ? t
            : throw new CliException($"invalid type '{text}'; valid: {string.Join(", ", BeadVocabulary.Types)}", ExitCodes.Usage);

    /// <summary>Accepts `0`..`4` and `p0`..`p4`.</summary>
    public static int ParsePriority(string text)
    {
        var t = text.Trim().TrimStart('p', 'P');
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)
            && BeadVocabulary.IsValidPriority(p)
            ? p
            : throw new CliException($"invalid priority '{text}'; valid: 0 (critical), 1, 2, 3, 4", ExitCodes.Usage);
    }
}
