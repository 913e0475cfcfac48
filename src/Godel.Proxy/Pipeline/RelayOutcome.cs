// What relaying a response observed: usage, bytes, captured text and how it ended.
using Godel.Proxy.Usage;

namespace Godel.Proxy.Pipeline;

internal sealed class RelayOutcome
{
    public TokenUsage Usage { get; set; }
    public long BytesOut { get; set; }
    public byte[]? Captured { get; set; }

    /// <summary>Null when the response completed; otherwise why it did not (never contains a key).</summary>
    public string? Error { get; set; }

    /// <summary>True when the client went away; the audit status becomes 499.</summary>
    public bool ClientGone { get; set; }

    /// <summary>A stream that ended early (client gone or upstream cut): its usage may be partial or missing.</summary>
    public bool Interrupted { get; set; }

    /// <summary>`data:` events relayed on a stream: the basis of the output estimate when a stream is interrupted.</summary>
    public long StreamEvents { get; set; }
}
