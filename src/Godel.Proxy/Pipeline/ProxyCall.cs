// One request on its way through the proxy: who sent it, what it asks for, and what goes upstream.
using System.Diagnostics;
using Godel.Proxy.Errors;
using Godel.Proxy.Store;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal sealed class ProxyCall
{
    public required HttpContext Context { get; init; }
    public required AgentIdentity Who { get; init; }

    /// <summary>Facts about <see cref="Payload"/>: re-read when the payload is rewritten (offsets must match it).</summary>
    public required RequestFacts Facts { get; set; }

    /// <summary>Path below the provider, without a leading slash (`v1/messages`), decoded as routing saw it.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The same path as the client encoded it on the wire (`v1/files/a%2Fb`), when the request target has the
    /// `/proxy/{provider}/…` form; it goes upstream unchanged. Null: <see cref="Path"/> is encoded again.
    /// </summary>
    public string? WirePath { get; init; }

    /// <summary>The body as received (kept for the audit text); <see cref="Payload"/> is what goes upstream.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    public required ReadOnlyMemory<byte> Payload { get; set; }
    public required ErrorShape Shape { get; init; }
    public long Started { get; } = Stopwatch.GetTimestamp();
    public bool FallbackUsed { get; set; }

    public bool IsOpenAIChat => Path.EndsWith("chat/completions", StringComparison.Ordinal);
}
