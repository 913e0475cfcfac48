// What the daemon remembers of an agent across its own restarts.
using Godel.Protocol.Messages;

namespace Godel.Daemon.Persistence;

public sealed record AgentRecord
{
    public required string Name { get; init; }
    public required string Runtime { get; init; }
    public string? Bead { get; init; }
    public required string WorkingDirectory { get; init; }
    public string? Worktree { get; init; }

    /// <summary>Arguments given after `--` at spawn; kept for restart.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];
    public string? Actor { get; init; }
    public int Pid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public AgentState State { get; init; }
    public string StateSource { get; init; } = "";
    public DateTimeOffset StateSince { get; init; }
    public DateTimeOffset? LastOutputAt { get; init; }
    public int? ExitCode { get; init; }
    public int? ExitSignal { get; init; }
    public int Columns { get; init; }
    public int Rows { get; init; }
}

/// <summary>The whole persisted daemon state.</summary>
public sealed record DaemonState
{
    public int Version { get; init; } = 1;
    public IReadOnlyList<AgentRecord> Agents { get; init; } = [];

    /// <summary>The LLM proxy the daemon's agents use (its own on 127.0.0.1 in local mode); null = none.</summary>
    public string? ProxyUrl { get; init; }
}
