// Turns each request message into an action on the agents and a reply.
using Godel.Daemon.Agents;
using Godel.Daemon.Sessions;
using Godel.Protocol;
using Godel.Protocol.Messages;
using Godel.Terminal;

namespace Godel.Daemon.Server;

internal sealed class RequestHandler(AgentSupervisor agents, DaemonOptions options, DateTimeOffset startedAt, Func<int?, IReadOnlyList<string>> shutdown)
{
    private static readonly string Version = typeof(RequestHandler).Assembly.GetName().Version?.ToString() ?? "0";

    public Welcome Welcome() => new(ProtocolInfo.Version, Version, Environment.ProcessId, options.Workspace);

    public async Task<Message?> HandleAsync(Message message, ClientConnection client) => message switch
    {
        SpawnAgent spawn => new AgentReply(agents.Spawn(spawn)),
        ListAgents => new AgentList(agents.List()),
        StopAgent stop => await Done(agents.StopAsync(stop.Name, options.Config.Daemon.StopGraceSeconds)).ConfigureAwait(false),
        KillAgent kill => await Done(agents.KillAsync(kill.Name)).ConfigureAwait(false),
        RestartAgent restart => new AgentReply(await agents.RestartAsync(restart.Name).ConfigureAwait(false)),
        SendInput send => await Done(agents.SendAsync(send.Name, send.Text, send.Enter)).ConfigureAwait(false),
        Notify notify => Done(() => agents.Notify(notify.Name, notify.State)),
        Capture capture => Capture(capture),
        Logs logs => new LogsResult(agents.LogFiles(logs.Name)),
        Status => new StatusResult(Environment.ProcessId, options.Workspace, Version, startedAt, agents.List(), options.Credentials.ProxyUrl),
        Shutdown stop => new ShuttingDown(shutdown(stop.GraceSeconds)),
        Hello => throw new RequestException(ErrorCodes.BadRequest, "the handshake was already done"),
        _ => throw new RequestException(ErrorCodes.BadRequest, $"{message.GetType().Name} is not a request the daemon takes"),
    };

    public Attachment Attach(Attach request, IClientOutbox client, uint channel, Action<AgentInfo> queueReply)
    {
        var agent = agents.Get(request.Name);
        if (request.Columns is < 2 or > 1000 || request.Rows is < 1 or > 1000)
        {
            throw new RequestException(ErrorCodes.BadRequest, $"terminal size {request.Columns}x{request.Rows} is out of range");
        }

        return agent.Session.Attach(client, channel, request.Columns, request.Rows, request.ReadOnly, options.ClientBacklogBytes, () => queueReply(agent.Info()));
    }

    public void Input(Attachment attachment, ReadOnlySpan<byte> data)
    {
        if (attachment.ReadOnly)
        {
            return;
        }

        attachment.Session.Input(attachment, data);
        if (attachment.Session.Owner is { } agent)
        {
            agents.Typed(agent);
        }
    }

    private CaptureResult Capture(Capture request)
    {
        var session = agents.Get(request.Name).Session;
        var text = session.Capture(new CaptureOptions { WithEscapes = request.WithEscapes, ScrollbackLines = Math.Max(0, request.ScrollbackLines) });
        var (columns, rows) = session.Size;
        return new CaptureResult(text, columns, rows);
    }

    private static async Task<Message> Done(Task task)
    {
        await task.ConfigureAwait(false);
        return new Ok();
    }

    private static Ok Done(Action action)
    {
        action();
        return new Ok();
    }
}
