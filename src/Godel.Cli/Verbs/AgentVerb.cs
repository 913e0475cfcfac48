// `godel agent spawn|list|stop|kill|restart|send|notify`: start and drive agents through the daemon.
using System.CommandLine;
using System.Text.Json;
using Godel.Cli.Daemon;
using Godel.Protocol.Messages;

namespace Godel.Cli.Verbs;

internal static class AgentVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("agent", "Start, list, stop and talk to agents (each on its own pseudo-terminal, owned by the daemon).");
        command.Subcommands.Add(Spawn(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Simple(console, "stop", "End an agent gracefully (hangup, then kill after the grace period).", n => new StopAgent(n), "stopped"));
        command.Subcommands.Add(Simple(console, "kill", "End an agent now (SIGKILL).", n => new KillAgent(n), "killed"));
        command.Subcommands.Add(Restart(console));
        command.Subcommands.Add(Send(console));
        command.Subcommands.Add(Notify(console));
        return command;
    }

    private static Command Spawn(CliConsole console)
    {
        var runtime = new Option<string?>("--runtime", "-r") { Description = "Which tool to run: shell, claude, codex, gemini, pi, opencode, aider, or a [runtimes.NAME] from godel.toml." };
        var name = new Option<string?>("--name", "-n") { Description = "The agent's name (default: RUNTIME-N)." };
        var bead = new Option<string?>("--bead", "-b") { Description = "The bead this agent works on (sets GODEL_BEAD)." };
        var cwd = new Option<string?>("--cwd") { Description = "Folder to run in (default: the workspace root)." };
        var size = new Option<string?>("--size") { Description = "Terminal size COLSxROWS until a client attaches (default: [daemon] default_size)." };
        var prompt = new Option<string?>("--prompt", "-p") { Description = "Initial prompt, passed the way the runtime takes it." };
        var args = new Argument<string[]>("args") { Description = "Extra arguments for the runtime, after --.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("spawn", "Start an agent.") { runtime, name, bead, cwd, size, prompt, args };
        command.SetAction(async (parse, ct) =>
        {
            (int Columns, int Rows)? parsedSize = null;
            if (parse.GetValue(size) is { } text)
            {
                parsedSize = ParseSize(text) ?? throw new CliException($"--size '{text}' is not COLSxROWS with 2-1000 columns and 1-1000 rows (e.g. 120x40)", ExitCodes.Usage);
            }

            var request = new SpawnAgent
            {
                Runtime = parse.GetValue(runtime),
                Name = parse.GetValue(name),
                Bead = parse.GetValue(bead),
                WorkingDirectory = parse.GetValue(cwd) is { } dir ? Path.GetFullPath(dir, console.WorkingDirectory) : null,
                Columns = parsedSize?.Columns,
                Rows = parsedSize?.Rows,
                Args = parse.GetValue(args) ?? [],
                Prompt = parse.GetValue(prompt),
                Actor = console.GetEnv("GODEL_ACTOR") ?? console.GetEnv("USER"),
            };
            var agent = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<AgentReply>(request, ct), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(agent.Agent.Name).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"COLSxROWS" → size, or null.</summary>
    public static (int Columns, int Rows)? ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], out var c) && int.TryParse(parts[1], out var r) && c is >= 2 and <= 1000 && r is >= 1 and <= 1000
            ? (c, r)
            : null;
    }

    private static Command List(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (one array of agents) instead of a table." };
        var command = new Command("list", "List agents: name, runtime, bead, state, pid, uptime, last output.") { json };
        command.SetAction(async (parse, ct) =>
        {
            var list = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<AgentList>(new ListAgents(), ct), ct).ConfigureAwait(false);
            await console.Out.WriteAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(list.Agents, ProtocolJsonContext.Default.IReadOnlyListAgentInfo) + "\n"
                : AgentTable.Render(list.Agents, DateTimeOffset.UtcNow)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Simple(CliConsole console, string verb, string description, Func<string, Message> request, string done)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var command = new Command(verb, description) { name };
        command.SetAction(async (parse, ct) =>
        {
            var agent = parse.GetValue(name)!;
            await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<Ok>(request(agent), ct), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"{agent} {done}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restart(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var command = new Command("restart", "Start an agent again in the same folder, continuing its conversation where the runtime can.") { name };
        command.SetAction(async (parse, ct) =>
        {
            var reply = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<AgentReply>(new RestartAgent(parse.GetValue(name)!), ct), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"{reply.Agent.Name} restarted (pid {reply.Agent.Pid})").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Send(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var text = new Argument<string>("text") { Description = "Text typed literally into the agent." };
        var enter = new Option<bool>("--enter", "-e") { Description = "Press Enter after the text (sent separately, so prompts never miss it)." };
        var command = new Command("send", "Type text into an agent.") { name, text, enter };
        command.SetAction(async (parse, ct) =>
        {
            var request = new SendInput(parse.GetValue(name)!, parse.GetValue(text)!, parse.GetValue(enter));
            await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<Ok>(request, ct), ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Notify(CliConsole console)
    {
        var state = new Option<string>("--state") { Description = "running, waiting or idle.", Required = true };
        var name = new Option<string?>("--name") { Description = "The agent (default: $GODEL_AGENT, set in every agent)." };
        var command = new Command("notify", "Report an agent's state from a runtime hook (Claude Code hooks call this).") { state, name };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(state)!;
            if (!Enum.TryParse<AgentState>(text, ignoreCase: true, out var parsed) || parsed is AgentState.Exited or AgentState.Lost || !char.IsLetter(text[0]))
            {
                throw new CliException($"--state '{text}' is not one of running, waiting, idle", ExitCodes.Usage);
            }

            var agent = parse.GetValue(name) ?? console.GetEnv("GODEL_AGENT")
                ?? throw new CliException("no agent to notify about: run inside an agent (GODEL_AGENT is set there) or pass --name", ExitCodes.Usage);
            var where = DaemonConnector.For(console);
            await using var client = await where.TryConnectAsync(ct).ConfigureAwait(false)
                ?? throw new CliException($"no daemon is running for {where.Workspace}");
            try
            {
                await client.RequestAsync<Ok>(new Protocol.Messages.Notify(agent, parsed), ct).ConfigureAwait(false);
            }
            catch (Protocol.Client.DaemonErrorException e)
            {
                throw new CliException(e.Message);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
