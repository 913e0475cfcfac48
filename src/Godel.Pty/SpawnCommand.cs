// Turns PtySpawnOptions into a checked, resolved command: absolute program path, argv, environment, directory.
using System.Collections;

namespace Godel.Pty;

/// <summary>What to execute, already resolved; Argv[0] is the name the child sees.</summary>
internal sealed record ResolvedCommand(string Path, IReadOnlyList<string> Argv, IReadOnlyList<string> Env, string WorkingDirectory);

internal static class SpawnCommand
{
    internal static ResolvedCommand Build(PtySpawnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cwd = Path.GetFullPath(options.WorkingDirectory ?? Environment.CurrentDirectory);
        if (!Directory.Exists(cwd))
            throw new PtySpawnException($"Working directory '{cwd}' does not exist: create it or choose another one.");
        var env = EnvironmentOf(options);
        var path = env.FirstOrDefault(kv => string.Equals(kv.Key, "PATH",
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)).Value;
        var program = ProgramResolver.Resolve(options.Program, path, cwd);
        var argv = new List<string>(options.Args.Count + 1) { options.Program };
        argv.AddRange(options.Args);
        var envp = env.Select(kv => $"{kv.Key}={kv.Value}").ToList();
        return new ResolvedCommand(program, argv, envp, cwd);
    }

    private static Dictionary<string, string> EnvironmentOf(PtySpawnOptions options)
    {
        if (options.Environment is { } given)
        {
            foreach (var key in given.Keys)
            {
                if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
                    throw new PtySpawnException($"Environment variable name '{key}' is invalid: names must be non-empty and contain no '='.");
            }
            return new Dictionary<string, string>(given, StringComparer.Ordinal);
        }
        var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            inherited[(string)e.Key] = (string?)e.Value ?? "";
        return inherited;
    }
}
