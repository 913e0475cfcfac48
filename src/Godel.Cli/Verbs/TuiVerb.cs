// `godel tui`: the full-screen workspace (placeholder until the TUI issue lands); refuses to start on invalid config.
using System.CommandLine;

namespace Godel.Cli.Verbs;

internal static class TuiVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("tui", "Open the full-screen workspace: agent panes, the bead board, diffs.");
        command.SetAction(parse =>
        {
            // Invalid config is an error (exit 2, every problem listed), never a guess.
            var result = CliConfig.Load(console, parse);
            var config = result.GetValidOrThrow();
            console.Out.WriteLine($"godel tui: configuration valid (theme {result.Theme!.Name}, layout {config.Tui.Layout}).");
            console.Out.WriteLine("godel tui: the workspace UI is not built yet.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
