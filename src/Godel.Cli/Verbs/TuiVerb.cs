// `godel tui`: the full-screen workspace (placeholder until the TUI issue lands).
using System.CommandLine;

namespace Godel.Cli.Verbs;

internal static class TuiVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("tui", "Open the full-screen workspace: agent panes, the bead board, diffs.");
        command.SetAction(_ =>
        {
            console.Out.WriteLine("godel tui: the workspace UI is not built yet.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
