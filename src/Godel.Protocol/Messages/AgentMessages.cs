// Requests that create, list, end and drive agents, and their replies.
namespace Godel.Protocol.Messages;

/// <summary>Start an agent. Null fields take the daemon's defaults. Replied to with <see cref="AgentReply"/>.</summary>
public sealed record SpawnAgent : Message
{
    public string? Runtime { get; init; }
    public string? Name { get; init; }
    public string? Bead { get; init; }
    public string? WorkingDirectory { get; init; }
    public int? Columns { get; init; }
    public int? Rows { get; init; }

    /// <summary>Extra arguments after the runtime's own.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Initial prompt, passed the way the runtime takes it.</summary>
    public string? Prompt { get; init; }

    /// <summary>Who asked (GODEL_ACTOR of the spawned agent's parent), for attribution.</summary>
    public string? Actor { get; init; }
}

/// <summary>One agent, in reply to spawn or restart.</summary>
public sealed record AgentReply(AgentInfo Agent) : Message;

public sealed record ListAgents : Message;

public sealed record AgentList(IReadOnlyList<AgentInfo> Agents) : Message;

/// <summary>End an agent gracefully (SIGHUP, then SIGTERM, then SIGKILL after the grace period).</summary>
public sealed record StopAgent(string Name) : Message;

/// <summary>End an agent now (SIGKILL).</summary>
public sealed record KillAgent(string Name) : Message;

/// <summary>Start an exited or lost agent again in the same folder, with its runtime's resume arguments.</summary>
public sealed record RestartAgent(string Name) : Message;

/// <summary>Type text into an agent, literally; with <see cref="Enter"/>, a carriage return follows as a separate write.</summary>
public sealed record SendInput(string Name, string Text, bool Enter) : Message;

/// <summary>A runtime hook reports the agent's state (e.g. Claude Code's Stop hook → waiting).</summary>
public sealed record Notify(string Name, AgentState State, string? Message = null) : Message;

/// <summary>Pushed to every client when an agent's state changes; <see cref="AgentInfo.StateSince"/> says when.</summary>
public sealed record AgentStateChanged(AgentInfo Agent) : Message;
