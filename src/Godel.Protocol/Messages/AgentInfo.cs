// What a client sees of one agent: identity, where it runs, its state and when that changed.
namespace Godel.Protocol.Messages;

/// <summary>The life states of an agent.</summary>
public enum AgentState
{
    /// <summary>Producing output or working.</summary>
    Running,
    /// <summary>Waiting for the user's input (a hook, a bell or notification, or a prompt on screen said so).</summary>
    Waiting,
    /// <summary>No output for a while.</summary>
    Idle,
    /// <summary>The process ended (see exit code or signal).</summary>
    Exited,
    /// <summary>The daemon restarted while the agent ran; its last screen is kept, ready for restart.</summary>
    Lost,
}

/// <summary>One agent as listed by the daemon.</summary>
public sealed record AgentInfo
{
    public required string Name { get; init; }
    public required string Runtime { get; init; }
    public string? Bead { get; init; }
    public required string WorkingDirectory { get; init; }
    public string? Worktree { get; init; }
    public AgentState State { get; init; }
    public DateTimeOffset StateSince { get; init; }

    /// <summary>What set the state: hook, bell, notification, prompt, silence, output, input, exit, restart.</summary>
    public string StateSource { get; init; } = "";
    public int Pid { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? LastOutputAt { get; init; }
    public int? ExitCode { get; init; }
    public int? ExitSignal { get; init; }
    public int Columns { get; init; }
    public int Rows { get; init; }
    public string Title { get; init; } = "";

    /// <summary>The last non-empty line on the screen, for listings.</summary>
    public string LastLine { get; init; } = "";
}
