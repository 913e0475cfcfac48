// Requests about the daemon itself: status and shutdown.
namespace Godel.Protocol.Messages;

public sealed record Status : Message;

public sealed record StatusResult(int Pid, string Workspace, string Version, DateTimeOffset StartedAt, IReadOnlyList<AgentInfo> Agents, string? ProxyUrl = null) : Message;

/// <summary>Stop the daemon: end every agent gracefully (within <see cref="GraceSeconds"/>, or the configured grace), then exit.</summary>
public sealed record Shutdown(int? GraceSeconds = null) : Message;

/// <summary>Reply to <see cref="Shutdown"/>: the agents about to be ended.</summary>
public sealed record ShuttingDown(IReadOnlyList<string> Agents) : Message;
