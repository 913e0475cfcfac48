// Requests about an agent's terminal: attach, detach, resize, capture, logs.
namespace Godel.Protocol.Messages;

/// <summary>Start receiving an agent's terminal. Replied to with <see cref="Attached"/>, then a Snapshot frame, then Output frames.</summary>
public sealed record Attach(string Name, int Columns, int Rows, bool ReadOnly) : Message;

/// <summary>The attach worked: Output, Input and Snapshot frames for this agent use <see cref="Channel"/>.</summary>
public sealed record Attached(string Name, uint Channel, AgentInfo Agent) : Message;

public sealed record Detach(uint Channel) : Message;

/// <summary>The client's window changed size. Read-only attachments never resize the agent.</summary>
public sealed record Resize(uint Channel, int Columns, int Rows) : Message;

/// <summary>The screen as text, like `tmux capture-pane -p [-e] [-S -N]`.</summary>
public sealed record Capture(string Name, bool WithEscapes, int ScrollbackLines) : Message;

public sealed record CaptureResult(string Text, int Columns, int Rows) : Message;

/// <summary>Where an agent's raw output log is (oldest rotated file first).</summary>
public sealed record Logs(string Name) : Message;

public sealed record LogsResult(IReadOnlyList<string> Files) : Message;
