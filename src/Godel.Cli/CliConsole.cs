// The console a verb writes to: real stdio in the executable, string writers in tests.
namespace Godel.Cli;

/// <summary>Where a verb reads and writes. Tests pass their own to run verbs in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>True when Out is an interactive terminal (colour, tables sized to the window).</summary>
    public bool IsTerminal { get; init; }

    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        Directory.GetCurrentDirectory(),
        global::System.Environment.GetEnvironmentVariables()
            .Cast<global::System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal))
    {
        IsTerminal = !Console.IsOutputRedirected,
    };

    public string? GetEnv(string name) => Environment.TryGetValue(name, out var v) ? v : null;
}
