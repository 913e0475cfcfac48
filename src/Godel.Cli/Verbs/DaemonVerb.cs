// `godel daemon start|stop|status|run`: the background process that owns the workspace's agents.
using System.CommandLine;
using Godel.Cli.Daemon;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;

namespace Godel.Cli.Verbs;

internal static class DaemonVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("daemon", "The background process that owns this workspace's agents (started on demand).");
        command.Subcommands.Add(Start(console));
        command.Subcommands.Add(Stop(console));
        command.Subcommands.Add(Status(console));
        command.Subcommands.Add(Run(console));
        return command;
    }

    private static Command Start(CliConsole console)
    {
        var command = new Command("start", "Start the daemon if it is not running.");
        command.SetAction(async (_, ct) =>
        {
            var where = DaemonConnector.For(console);
            await using var client = await where.ConnectOrStartAsync(ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"daemon running (pid {client.Welcome.DaemonPid}) for {where.Workspace}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stop(CliConsole console)
    {
        var grace = new Option<int?>("--grace") { Description = "Seconds agents get to end before they are killed (default: [daemon] stop_grace_seconds)." };
        var command = new Command("stop", "End every agent gracefully, then stop the daemon.") { grace };
        command.SetAction(async (parse, ct) =>
        {
            var where = DaemonConnector.For(console);
            await using var client = await where.TryConnectAsync(ct).ConfigureAwait(false);
            if (client is null)
            {
                await console.Out.WriteLineAsync($"no daemon is running for {where.Workspace}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var reply = await client.RequestAsync<ShuttingDown>(new Shutdown(parse.GetValue(grace)), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(reply.Agents.Count == 0
                ? "no agents running"
                : $"ending {reply.Agents.Count} agent(s): {string.Join(", ", reply.Agents)}").ConfigureAwait(false);
            await client.Completion.WaitAsync(TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync("daemon stopped").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var command = new Command("status", "Is the daemon running, since when, with which agents.");
        command.SetAction(async (_, ct) =>
        {
            var where = DaemonConnector.For(console);
            await using var client = await where.TryConnectAsync(ct).ConfigureAwait(false);
            if (client is null)
            {
                await console.Out.WriteLineAsync($"not running (workspace {where.Workspace})").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var status = await client.RequestAsync<StatusResult>(new Status(), ct).ConfigureAwait(false);
            var live = status.Agents.Count(a => a.State is not (AgentState.Exited or AgentState.Lost));
            await console.Out.WriteLineAsync(
                $"running: pid {status.Pid}, version {status.Version}, up {AgentTable.Duration(DateTimeOffset.UtcNow - status.StartedAt)}, " +
                $"{live} live agent(s) of {status.Agents.Count}\nworkspace: {status.Workspace}\nsocket: {where.Address.SocketPath}\nlog: {where.LogPath}\nproxy: {status.ProxyUrl ?? "none"}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliConsole console)
    {
        var detached = new Option<bool>("--detached") { Description = "Detach from the terminal and log only to .godel/daemon/daemon.log (used when started on demand).", Hidden = true };
        var command = new Command("run", "Run the daemon in the foreground (for debugging and service managers).") { detached };
        command.SetAction(async (parse, ct) =>
        {
            if (!Platform.IsUnix)
            {
                throw Platform.NotSupported("daemon run");
            }

            var where = DaemonConnector.For(console);
            return await DaemonRunner.RunAsync(where, CliConfig.Load(console, parse).GetValidOrThrow(), parse.GetValue(detached), ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs a request against the daemon (starting it), turning daemon errors into one-line CLI errors.</summary>
    public static async Task<T> WithDaemonAsync<T>(CliConsole console, Func<DaemonClient, Task<T>> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        var where = DaemonConnector.For(console);
        await using var client = await where.ConnectOrStartAsync(ct).ConfigureAwait(false);
        try
        {
            return await action(client).ConfigureAwait(false);
        }
        catch (DaemonErrorException e)
        {
            throw new CliException(e.Message, e.Code is ErrorCodes.BadRequest or ErrorCodes.UnknownRuntime ? ExitCodes.Usage : ExitCodes.Failure);
        }
        catch (IOException e)
        {
            throw new CliException($"lost the connection to the daemon ({e.Message}): see {where.LogPath}");
        }
    }
}
