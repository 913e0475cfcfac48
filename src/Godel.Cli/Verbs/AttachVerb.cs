// `godel attach NAME`: this terminal becomes the agent's terminal until the detach key (default Ctrl-\).
using System.CommandLine;
using Microsoft.Win32.SafeHandles;
using Godel.Cli.Attach;
using Godel.Cli.Daemon;
using Godel.Protocol.Client;

namespace Godel.Cli.Verbs;

internal static class AttachVerb
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var readOnly = new Option<bool>("--read-only", "-r") { Description = "Watch only: keystrokes are not sent and your window size never resizes the agent." };
        var command = new Command("attach", "Use this terminal as the agent's terminal; detach with Ctrl-\\ ([tui] detach_key).") { name, readOnly };
        command.SetAction(async (parse, ct) =>
        {
            if (!Platform.IsUnix)
            {
                throw Platform.NotSupported("attach");
            }

            var where = DaemonConnector.For(console);
            var config = CliConfig.Load(console, parse).GetValidOrThrow();
            var key = DetachKey.Parse(config.Tui.DetachKey, out var problem) ?? throw new CliException(problem!, ExitCodes.Usage);
            await using var client = await where.ConnectOrStartAsync(ct).ConfigureAwait(false);
            // Plain streams on fds 0 and 1: Console's own stdin stream does line editing and resets termios.
            await using var stdin = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
            await using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            var session = new AttachSession(stdin, stdout, key);
            string farewell;
            try
            {
                farewell = await session.RunAsync(client, parse.GetValue(name)!, parse.GetValue(readOnly), ct).ConfigureAwait(false);
            }
            catch (DaemonErrorException e)
            {
                throw new CliException(e.Message);
            }

            // Not ct: a SIGTERM both ends the session and cancels ct, and the farewell must still be written.
            await stdout.WriteAsync(AttachSession.Line(farewell), CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
