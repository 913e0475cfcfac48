// Owns every agent of the workspace: spawn, stop, kill, restart, input, hooks, state ticks, persistence.
using System.Text;
using Godel.Config.Model;
using Godel.Daemon.Native;
using Godel.Daemon.Persistence;
using Godel.Daemon.Sessions;
using Godel.Protocol.Messages;
using Godel.Pty;
using Godel.Terminal;
using Godel.Workspace;

namespace Godel.Daemon.Agents;

internal sealed class AgentSupervisor : IDisposable
{
    private readonly DaemonOptions _options;
    private readonly DaemonLog _log;
    private readonly RuntimeCatalogue _catalogue;
    private readonly StateStore _store;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);

    public AgentSupervisor(DaemonOptions options, DaemonLog log)
    {
        _options = options;
        _log = log;
        _catalogue = RuntimeCatalogue.Create(options.Config, name => options.Environment.GetValueOrDefault(name));
        _store = new StateStore(options.StateDirectory, log);
    }

    /// <summary>Raised by output, input, hooks and spawns: wakes the tick loop while it sleeps.</summary>
    public ActivitySignal Activity { get; } = new();

    /// <summary>Raised after any agent's state or identity changed (already persisted).</summary>
    public event Action<AgentInfo>? Changed;

    public IReadOnlyList<AgentInfo> List()
    {
        lock (_gate)
        {
            return [.. _agents.Values.OrderBy(a => a.Record.StartedAt).Select(a => a.Info())];
        }
    }

    public Agent Get(string name)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(name, out var agent)
                ? agent
                : throw new RequestException(ErrorCodes.UnknownAgent, AgentNames.Unknown(name, _agents.Keys));
        }
    }

    public AgentInfo Spawn(SpawnAgent request)
    {
        var runtimeName = request.Runtime ?? _options.Config.Workspace.DefaultRuntime;
        if (!_catalogue.TryGet(runtimeName, out var runtime))
        {
            throw new RequestException(ErrorCodes.UnknownRuntime, $"unknown runtime '{runtimeName}': known runtimes are {string.Join(", ", _catalogue.Names)}");
        }

        var (columns, rows) = SizeOf(request);
        var worktree = request.WorkingDirectory is null && request.Bead is { } bead ? WorktreeFor(bead) : null;
        var cwd = Path.GetFullPath(request.WorkingDirectory ?? worktree ?? _options.Workspace, _options.Workspace);
        if (!Directory.Exists(cwd))
        {
            throw new RequestException(ErrorCodes.BadRequest, File.Exists(cwd)
                ? $"working directory '{cwd}' is a file, not a folder"
                : $"working directory '{cwd}' does not exist");
        }

        Agent agent;
        lock (_gate)
        {
            var name = request.Name ?? AgentNames.Next(runtimeName, n => _agents.ContainsKey(n));
            if (AgentNames.Problem(name) is { } problem)
            {
                throw new RequestException(ErrorCodes.BadRequest, problem);
            }

            if (_agents.TryGetValue(name, out var existing) && existing.IsAlive)
            {
                throw new RequestException(ErrorCodes.NameTaken, $"an agent named '{name}' is already running: pick another --name, or `godel agent stop {name}` first");
            }

            existing?.Session.Dispose();
            var record = new AgentRecord
            {
                Name = name,
                Runtime = runtimeName,
                Bead = request.Bead,
                WorkingDirectory = cwd,
                Worktree = worktree,
                ExtraArgs = request.Args,
                Actor = request.Actor,
                Columns = columns,
                Rows = rows,
            };
            agent = NewAgent(record, runtime);
            agent.PendingPrompt = runtime.PromptMode == PromptMode.Type ? request.Prompt : null;
            Start(agent, RuntimeCatalogue.BuildCommand(runtime, request.Args, request.Prompt, resume: false));
            _agents[name] = agent;
        }

        _log.Info($"spawned {agent.Name} ({runtimeName}, pid {agent.Record.Pid}) in {cwd}");
        OnChanged(agent);
        return agent.Info();
    }

    /// <summary>Starts an ended agent again in the same folder with the runtime's resume arguments; a live one is stopped first.</summary>
    public async Task<AgentInfo> RestartAsync(string name)
    {
        var agent = Get(name);
        if (agent.IsAlive)
        {
            await StopAsync(name, _options.Config.Daemon.StopGraceSeconds).ConfigureAwait(false);
        }

        if (!_catalogue.TryGet(agent.Record.Runtime, out var runtime))
        {
            throw new RequestException(ErrorCodes.UnknownRuntime, $"runtime '{agent.Record.Runtime}' of agent '{name}' is no longer configured");
        }

        Agent fresh;
        lock (_gate)
        {
            agent.Session.Dispose();
            fresh = NewAgent(agent.Record with { ExitCode = null, ExitSignal = null }, runtime);
            Start(fresh, RuntimeCatalogue.BuildCommand(runtime, agent.Record.ExtraArgs, null, resume: true));
            _agents[name] = fresh;
        }

        _log.Info($"restarted {name} (pid {fresh.Record.Pid})");
        OnChanged(fresh);
        return fresh.Info();
    }

    // An agent on a bead works in the bead's own worktree (branch godel/<bead>), created on first use.
    private string WorktreeFor(string bead)
    {
        if (AgentNames.Problem(bead) is not null)
        {
            throw new RequestException(ErrorCodes.BadRequest, $"bead id '{bead}' is not valid (letters, digits, '-', '_', '.')");
        }

        try
        {
            return Worktrees.EnsureForBead(_options.Workspace, _options.Config.Workspace, bead);
        }
        catch (Exception e) when (e is InvalidOperationException or LibGit2Sharp.LibGit2SharpException or IOException)
        {
            throw new RequestException(ErrorCodes.BadRequest, $"cannot create a worktree for bead {bead}: {e.Message} (or pass --cwd)");
        }
    }

    private Agent NewAgent(AgentRecord record, RuntimeConfig runtime)
    {
        var detector = new StateDetector(_options.Clock, TimeSpan.FromSeconds(_options.Config.Daemon.IdleSeconds), _options.PromptSettle);
        return new Agent(record, runtime, detector, OnChanged, Activity.Raise);
    }

    // Spawns the process on a PTY and wires its session; called under _gate.
    private void Start(Agent agent, RuntimeCommand command)
    {
        var record = agent.Record;
        if (agent.Runtime.Command == "claude" || record.Runtime == "claude")
        {
            ClaudeHooks.Install(record.WorkingDirectory, _options.GodelCommand, _log);
        }

        var env = AgentEnvironment.Build(_options, agent.Runtime, record.Name, record.Bead, CredentialsFor(record, agent.Runtime));
        IPtyProcess pty;
        try
        {
            pty = _options.SpawnPty(new PtySpawnOptions
            {
                Program = command.Program,
                Args = command.Args,
                Environment = env,
                WorkingDirectory = record.WorkingDirectory,
                Columns = record.Columns,
                Rows = record.Rows,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RevokeTokens(record.Name);
            throw new RequestException(ErrorCodes.SpawnFailed, $"could not start '{command.Program}' for agent '{record.Name}': {e.Message}");
        }

        var log = new RawLog(LogPath(record.Name), _options.Config.Daemon.LogBytes, _options.Config.Daemon.LogFiles);
        log.Write("\ec"u8); // each run starts from a reset screen when the log is replayed
        agent.Record = record with { Pid = pty.ProcessId, StartedAt = _options.Clock.GetUtcNow() };
        agent.Session = new Session(pty, events => _options.CreateEmulator(EmulatorOptions(record.Columns, record.Rows), events), log, agent);
        _ = WatchExitAsync(agent, agent.Session, pty);
    }

    // A fresh token per run: the previous run's tokens were revoked when it ended.
    private IReadOnlyDictionary<string, string> CredentialsFor(AgentRecord record, RuntimeConfig runtime)
    {
        try
        {
            return _options.Credentials.ForAgent(record.Name, record.Bead, runtime);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            throw new RequestException(ErrorCodes.SpawnFailed, $"could not get a proxy token for agent '{record.Name}': {e.Message}");
        }
    }

    // Revocation failing must not keep an agent from ending; it is logged so the user can revoke by hand.
    private void RevokeTokens(string name)
    {
        try
        {
            _options.Credentials.Revoke(name);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or System.Data.Common.DbException)
        {
            _log.Error($"could not revoke the proxy tokens of {name}: {e.Message} (`godel proxy tokens revoke {name}`)");
        }
    }

    private async Task WatchExitAsync(Agent agent, Session session, IPtyProcess pty)
    {
        var status = await pty.Exited.ConfigureAwait(false);

        // Drain what the child wrote before it ended; a grandchild holding the terminal open must not stall this.
        await Task.WhenAny(session.OutputEnded, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        session.FlushLog();
        lock (_gate)
        {
            if (agent.Session != session)
            {
                return;
            }

            agent.Record = agent.Record with { ExitCode = status.ExitCode, ExitSignal = status.Signal };
        }

        // Before the state turns Exited, so a stop or restart waiting for it never races a fresh token.
        RevokeTokens(agent.Name);
        _log.Info($"agent {agent.Name} (pid {pty.ProcessId}) {status}");
        if (agent.Detector.Exited())
        {
            OnChanged(agent);
        }
    }

    public TerminalOptions EmulatorOptions(int columns, int rows) => new()
    {
        Columns = columns,
        Rows = rows,
        ScrollbackBytes = _options.Config.Daemon.ScrollbackBytes,
    };

    public string LogPath(string name) => Path.Combine(_options.LogDirectory, name + ".log");

    public IReadOnlyList<string> LogFiles(string name)
    {
        Get(name);
        return RawLog.Files(LogPath(name), _options.Config.Daemon.LogFiles);
    }

    private (int Columns, int Rows) SizeOf(SpawnAgent request)
    {
        var (columns, rows) = ParseSize(_options.Config.Daemon.DefaultSize) ?? (120, 40);
        return (request.Columns ?? columns, request.Rows ?? rows);
    }

    /// <summary>"COLSxROWS" → size, or null when malformed.</summary>
    public static (int Columns, int Rows)? ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], out var c) && int.TryParse(parts[1], out var r) && c is > 1 and <= 1000 && r is > 0 and <= 1000
            ? (c, r)
            : null;
    }

    /// <summary>Ends an agent gracefully: SIGHUP and SIGTERM, then SIGKILL after the grace period.</summary>
    public async Task StopAsync(string name, int graceSeconds)
    {
        var agent = Get(name);
        if (!agent.IsAlive)
        {
            return;
        }

        _log.Info($"stopping {name} (grace {graceSeconds}s)");
        agent.Session.Signal(Posix.SigHup);
        agent.Session.Signal(Posix.SigTerm);
        if (!await WaitExitedAsync(agent, TimeSpan.FromSeconds(graceSeconds)).ConfigureAwait(false))
        {
            _log.Warn($"{name} did not end within {graceSeconds}s: killing it");
            agent.Session.Signal(Posix.SigKill);
            await WaitExitedAsync(agent, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        EndLeftovers(name);
    }

    public async Task KillAsync(string name)
    {
        var agent = Get(name);
        if (!agent.IsAlive)
        {
            throw new RequestException(ErrorCodes.NotRunning, $"agent '{name}' is not running ({agent.Detector.State.ToString().ToLowerInvariant()})");
        }

        agent.Session.Signal(Posix.SigKill);
        await WaitExitedAsync(agent, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        EndLeftovers(name);
    }

    // Ending an agent ends all of it: a background job or a nohup'd child that outlived its shell would run unseen.
    private void EndLeftovers(string name)
    {
        if (AgentProcesses.EndAll(_options.Workspace, name) is { Count: > 0 } pids)
        {
            _log.Warn($"ended {pids.Count} process(es) left over from {name}: pid {string.Join(", ", pids)}");
        }
    }

    private static async Task<bool> WaitExitedAsync(Agent agent, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (agent.Detector.State != AgentState.Exited)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Types text literally; with Enter, a carriage return follows as its own write after a short delay.</summary>
    public async Task SendAsync(string name, string text, bool enter)
    {
        var agent = RequireAlive(name);
        agent.Session.Input(Encoding.UTF8.GetBytes(text));
        if (enter)
        {
            await Task.Delay(_options.EnterDelay).ConfigureAwait(false);
            agent.Session.Input("\r"u8);
        }

        Typed(agent);
    }

    /// <summary>Someone typed into an agent (attached client or `agent send`).</summary>
    public void Typed(Agent agent)
    {
        if (agent.Detector.Input())
        {
            OnChanged(agent);
        }
    }

    public void Notify(string name, AgentState state)
    {
        var agent = Get(name);
        if (agent.Detector.Hook(state))
        {
            OnChanged(agent);
        }
    }

    private Agent RequireAlive(string name)
    {
        var agent = Get(name);
        return agent.IsAlive
            ? agent
            : throw new RequestException(ErrorCodes.NotRunning, $"agent '{name}' is not running ({agent.Detector.State.ToString().ToLowerInvariant()}); `godel agent restart {name}` starts it again");
    }

    /// <summary>Periodic: prompt patterns and silence for each live agent; typing pending initial prompts.</summary>
    /// <returns>True while some live agent still needs ticks: running with silence or prompt detection to do, or
    /// holding an initial prompt to type.</returns>
    public bool Tick()
    {
        Agent[] agents;
        lock (_gate)
        {
            agents = [.. _agents.Values.Where(a => a.IsAlive)];
        }

        var needed = false;
        foreach (var agent in agents)
        {
            agent.Session.FlushLog();
            if (agent.Detector.Tick(agent.PromptOnScreen))
            {
                OnChanged(agent);
            }

            if (agent.PendingPrompt is { } prompt && agent.Detector.State is AgentState.Waiting or AgentState.Idle)
            {
                agent.PendingPrompt = null;
                _ = SendAsync(agent.Name, prompt, enter: true);
            }

            needed |= agent.Detector.NeedsTicks || agent.PendingPrompt is not null;
        }

        return needed;
    }

    private void OnChanged(Agent agent)
    {
        Activity.Raise();
        Persist();
        Changed?.Invoke(agent.Info());
    }

    private void Persist()
    {
        AgentRecord[] records;
        lock (_gate)
        {
            records = [.. _agents.Values.Select(a => a.Snapshot())];
        }

        try
        {
            _store.Save(new DaemonState { Agents = records, ProxyUrl = _options.Credentials.ProxyUrl });
        }
        catch (IOException e)
        {
            _log.Error($"could not save daemon state to {_store.FilePath}: {e.Message}");
        }
    }

    /// <summary>At start: agents that were running when the daemon died become `lost`, with their last screen replayed from the log.</summary>
    public void LoadPrevious()
    {
        var state = _store.Load();
        lock (_gate)
        {
            foreach (var record in state.Agents)
            {
                var runtime = _catalogue.TryGet(record.Runtime, out var r) ? r : new RuntimeConfig { Command = record.Runtime };
                var agent = NewAgent(record, runtime);
                var wasAlive = record.State is not (AgentState.Exited or AgentState.Lost);
                if (wasAlive)
                {
                    EndOrphans(record);
                }

                agent.Detector.Restore(
                    wasAlive ? AgentState.Lost : record.State,
                    wasAlive ? "daemon restarted" : record.StateSource,
                    wasAlive ? _options.Clock.GetUtcNow() : record.StateSince,
                    record.LastOutputAt);
                var fresh = _options.CreateEmulator(EmulatorOptions(Math.Max(2, record.Columns), Math.Max(1, record.Rows)), NoEvents.Instance);
                agent.Session = new Session(ScreenReplay.Replay(RawLog.Files(LogPath(record.Name), _options.Config.Daemon.LogFiles), fresh), agent);
                _agents[record.Name] = agent;
                RevokeTokens(record.Name); // none of them runs now: a token left by a crashed daemon must not stay valid
                _log.Info($"previous agent {record.Name}: {agent.Detector.State.ToString().ToLowerInvariant()}");
            }
        }

        Persist();
    }

    // The PTY hangup should have ended it; whatever ignored the hangup (the agent itself, a nohup'd or background
    // child) still runs as this agent: end it so nothing keeps running unseen.
    private void EndOrphans(AgentRecord record)
    {
        if (AgentProcesses.EndAll(_options.Workspace, record.Name) is { Count: > 0 } pids)
        {
            _log.Warn($"agent {record.Name} left {pids.Count} process(es) running after the previous daemon died (pid {string.Join(", ", pids)}): killed them");
        }
    }

    /// <summary>Names of the agents still running.</summary>
    public IReadOnlyList<string> LiveNames()
    {
        lock (_gate)
        {
            return [.. _agents.Values.Where(a => a.IsAlive).Select(a => a.Name)];
        }
    }

    /// <summary>Ends every live agent gracefully, in parallel.</summary>
    public Task StopAllAsync(int graceSeconds) =>
        Task.WhenAll(LiveNames().Select(name => StopAsync(name, graceSeconds)));

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var agent in _agents.Values)
            {
                agent.Session.Dispose();
            }
        }
    }

    private sealed class NoEvents : ITerminalEvents
    {
        public static readonly NoEvents Instance = new();
    }
}
