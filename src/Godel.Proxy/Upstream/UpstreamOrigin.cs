// Where a provider lives (scheme, host, port, base path), parsed once, with the pool of its idle connections.
using System.Collections.Concurrent;
using System.Text;

namespace Godel.Proxy.Upstream;

/// <summary>One per configured provider: requests to it reuse its keep-alive connections.</summary>
internal sealed class UpstreamOrigin
{
    private UpstreamOrigin(string host, int port, bool tls, string basePath, string authority)
    {
        Host = host;
        Port = port;
        Tls = tls;
        BasePath = basePath;
        HostHeader = Encoding.ASCII.GetBytes("Host: " + authority + "\r\n");
    }

    /// <summary>The DNS name or address to connect to (IDN names in their ASCII form; IPv6 without brackets).</summary>
    public string Host { get; }

    public int Port { get; }
    public bool Tls { get; }

    /// <summary>The base URL's path without a trailing slash: "" or e.g. "/v1" or "/openai/v1".</summary>
    public string BasePath { get; }

    /// <summary>The `Host` header line, precomputed.</summary>
    public byte[] HostHeader { get; }

    private readonly ConcurrentStack<Http11Connection> _idle = new();
    private int _idleCount;

    /// <summary>Idle keep-alive connections now (ConcurrentStack.Count walks the stack; this is one read).</summary>
    public int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>Parks a connection; the most recently used is taken first.</summary>
    public void PushIdle(Http11Connection connection)
    {
        Interlocked.Increment(ref _idleCount);
        _idle.Push(connection);
    }

    public bool TryPopIdle(out Http11Connection connection)
    {
        if (_idle.TryPop(out connection!))
        {
            Interlocked.Decrement(ref _idleCount);
            return true;
        }
        return false;
    }

    public string Display => $"{Host}:{Port}";

    /// <summary>Parses an http(s) base URL; false (with the reason) for anything else.</summary>
    public static bool TryParse(string baseUrl, out UpstreamOrigin origin, out string error)
    {
        origin = null!;
        error = "";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"base_url '{baseUrl}' is not an http:// or https:// URL";
            return false;
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = "base_url must not carry a query, fragment or user info";
            return false;
        }
        var ipv6 = uri.HostNameType == UriHostNameType.IPv6;
        var host = ipv6 ? uri.DnsSafeHost : uri.IdnHost;
        var hostPart = ipv6 ? uri.Host : uri.IdnHost;
        var authority = uri.IsDefaultPort ? hostPart : $"{hostPart}:{uri.Port}";
        origin = new UpstreamOrigin(host, uri.Port, uri.Scheme == Uri.UriSchemeHttps, uri.AbsolutePath.TrimEnd('/'), authority);
        return true;
    }
}
