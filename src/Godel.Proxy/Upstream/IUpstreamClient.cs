// Sends one proxied call to a provider: over the network (Http11Client) or to the built-in mock (MockUpstream).
using Godel.Proxy.Pipeline;
using Godel.Proxy.Providers;

namespace Godel.Proxy.Upstream;

internal interface IUpstreamClient
{
    /// <summary>
    /// Sends <paramref name="payload"/> with the caller's end-to-end headers and the provider's key. Throws
    /// <see cref="UpstreamException"/> when the provider cannot be reached or answers something that is not HTTP.
    /// </summary>
    ValueTask<UpstreamResponse> SendAsync(ProxyCall call, ProviderEntry provider, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}

/// <summary>The provider could not be reached or broke the protocol; the message names what happened, never a key.</summary>
internal sealed class UpstreamException(string message, Exception? inner = null) : IOException(message, inner);
