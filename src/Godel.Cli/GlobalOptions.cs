// Options every verb accepts (`--verbose`, `--set`): created per command tree, read back from any parse result.
using System.CommandLine;

namespace Godel.Cli;

internal static class GlobalOptions
{
    public const string VerboseName = "--verbose";
    public const string SetName = "--set";

    /// <summary>Adds the global options to a fresh root (new instances each time: symbols are not shared between trees).</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(new Option<bool>(VerboseName, "-v")
        {
            Description = "Show details of errors, including stack traces.",
            Recursive = true,
        });
        root.Options.Add(new Option<string[]>(SetName)
        {
            Description = "Override one config value for this run, e.g. --set tui.theme=light (repeatable).",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "KEY=VALUE",
        });
    }

    public static bool Verbose(ParseResult parse) => parse.GetValue(Find<bool>(parse, VerboseName));

    public static IReadOnlyList<string> Sets(ParseResult parse) => parse.GetValue(Find<string[]>(parse, SetName)) ?? [];

    private static Option<T> Find<T>(ParseResult parse, string name) =>
        parse.RootCommandResult.Command.Options.OfType<Option<T>>().First(o => o.Name == name);
}
