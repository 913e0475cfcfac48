// `godel capture NAME`: an agent's screen as text, like `tmux capture-pane -p`.
using System.CommandLine;
using Godel.Protocol.Messages;

namespace Godel.Cli.Verbs;

internal static class CaptureVerb
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var escapes = new Option<bool>("--escapes", "-e") { Description = "Keep colours and attributes as escape sequences." };
        var scrollback = new Option<int>("--scrollback", "-S") { Description = "Also print this many lines of scrollback above the screen." };
        var command = new Command("capture", "Print an agent's screen as text.") { name, escapes, scrollback };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(scrollback) < 0)
            {
                throw new CliException("--scrollback must be 0 or more", ExitCodes.Usage);
            }

            var request = new Capture(parse.GetValue(name)!, parse.GetValue(escapes), parse.GetValue(scrollback));
            var result = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<CaptureResult>(request, ct), ct).ConfigureAwait(false);
            await console.Out.WriteAsync(result.Text.EndsWith('\n') ? result.Text : result.Text + "\n").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
