// Which headers cross the proxy: hop-by-hop headers and credentials never do.
namespace Godel.Proxy.Pipeline;

internal static class Headers
{
    /// <summary>Request headers not forwarded: hop-by-hop (RFC 9110 §7.6.1), the agent's token, and what the proxy sets itself.</summary>
    private static readonly HashSet<string> SkipRequest = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Content-Length", "Authorization", "x-api-key", "Accept-Encoding", "Expect",
    };

    private static readonly HashSet<string> SkipResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    /// <summary>Whether a client's request header goes upstream (the provider's key and length are written by the proxy).</summary>
    public static bool ForwardsRequest(string name) => !SkipRequest.Contains(name);

    /// <summary>Whether an upstream response header goes to the client; `Content-Length` only when the body is relayed unchanged.</summary>
    public static bool ForwardsResponse(string name, bool keepLength) =>
        !SkipResponse.Contains(name) && (keepLength || !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
}
