// One proxied request as the audit log stores it.
using Godel.Proxy.Usage;

namespace Godel.Proxy.Store;

/// <summary>Never holds a provider key: only what the request did, what it cost, and (when enabled) its text.</summary>
internal sealed record AuditRecord
{
    public required long TimeMs { get; init; }
    public required string Agent { get; init; }
    public string? Bead { get; init; }
    public required string Provider { get; init; }
    public string? Model { get; init; }
    public required int Status { get; init; }
    public TokenUsage Usage { get; init; }
    /// <summary>Null when the model has no price (unknown, not free).</summary>
    public decimal? CostUsd { get; init; }
    public double LatencyMs { get; init; }
    public long BytesIn { get; init; }
    public long BytesOut { get; init; }
    public bool Fallback { get; init; }
    public bool Stream { get; init; }
    public string? Error { get; init; }

    /// <summary>Raw request body, kept only when text storage is on; text is extracted on the writer thread.</summary>
    public byte[]? PromptBody { get; init; }

    /// <summary>Raw response body or SSE bytes, kept only when text storage is on.</summary>
    public byte[]? ResponseBody { get; init; }
}
