// The proxy's upstream HTTP/1.1 client: keep-alive connections per provider, the request written in one go.
using System.Buffers;
using Godel.Proxy.Pipeline;
using Godel.Proxy.Providers;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Upstream;

/// <summary>
/// Why not HttpClient: on the proxy's loopback benchmark, Kestrel plus HttpClient alone added 56 µs per request against
/// nginx's 33, and the same pass-through with a bare socket client 43 (docs/BENCHMARKS.md). The proxy needs only a
/// small part of HTTP: HTTP/1.1 (every provider speaks it), one buffered request body, a response relayed as it
/// arrives. This client does that much and nothing else: no redirects, cookies, decompression or proxies (the
/// SocketsHttpHandler it replaces had all of them switched off).
/// </summary>
internal sealed class Http11Client(Http11ClientOptions options) : IUpstreamClient, IDisposable
{
    /// <summary>Idle connections kept per provider; more are closed when they come back.</summary>
    private const int MaxIdlePerOrigin = 256;

    /// <summary>The providers' origins, registered as they are built (before any request), for the sweeper.</summary>
    private readonly List<UpstreamOrigin> _origins = [];
    private readonly Lock _gate = new();
    private ITimer? _sweeper;
    private bool _disposed;

    public async ValueTask<UpstreamResponse> SendAsync(ProxyCall call, ProviderEntry provider, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var origin = provider.Origin ?? throw new InvalidOperationException($"provider '{provider.Name}' has no network origin");
        var head = RequestHead.Build(call, provider, origin, payload.Span, out var length, out var bodyIncluded);
        var requestWasHead = HttpMethods.IsHead(call.Context.Request.Method);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                // The retry takes a new connection: when a server drops idle connections it drops them all at once.
                var connection = (attempt == 0 ? TakeIdle(origin) : null)
                    ?? await Http11Connection.ConnectAsync(origin, options, cancellationToken).ConfigureAwait(false);
                try
                {
                    await connection.WriteAsync(head.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                    if (!bodyIncluded)
                    {
                        await connection.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
                    }
                    var response = await connection.ReadHeadAsync(requestWasHead, cancellationToken).ConfigureAwait(false);
                    return new Http11Response(response, new Http11Body(this, connection, response));
                }
                catch (IOException) when (attempt == 0 && connection.Reused && !connection.ReceivedAny && !cancellationToken.IsCancellationRequested)
                {
                    // The server closed a kept-alive connection as we reused it (its idle timeout): nothing was
                    // answered, so nothing was processed; the request goes again on a fresh connection.
                    connection.Dispose();
                }
                catch (Exception e)
                {
                    connection.Dispose();
                    if (e is IOException and not UpstreamException && !cancellationToken.IsCancellationRequested)
                    {
                        throw new UpstreamException($"connection to {origin.Display} failed: {e.Message}", e);
                    }
                    throw;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>Parses a provider's base URL into the origin its connections are pooled under.</summary>
    public bool TryAddOrigin(string baseUrl, out UpstreamOrigin origin, out string error)
    {
        if (!UpstreamOrigin.TryParse(baseUrl, out origin, out error))
        {
            return false;
        }
        lock (_gate)
        {
            _origins.Add(origin);
        }
        return true;
    }

    /// <summary>Called by a body read to its end: the connection goes back to its provider's idle stack, or is closed.</summary>
    internal void Release(Http11Connection connection, bool reusable)
    {
        connection.LastUsedMs = Environment.TickCount64;
        if (!reusable || _disposed || connection.Origin.IdleCount >= MaxIdlePerOrigin || connection.IsExpired(connection.LastUsedMs, options))
        {
            connection.Dispose();
            return;
        }
        connection.Reused = true;
        connection.Origin.PushIdle(connection);
        if (_sweeper is null)
        {
            StartSweeper();
        }
    }

    private Http11Connection? TakeIdle(UpstreamOrigin origin)
    {
        var now = Environment.TickCount64;
        while (origin.TryPopIdle(out var connection))
        {
            if (connection.IsReusable(now, options))
            {
                return connection;
            }
            connection.Dispose();
        }
        return null;
    }

    /// <summary>
    /// Every 30 s (or the idle timeout, when shorter), closes idle connections past their idle timeout, so a quiet
    /// proxy holds no sockets open for long.
    /// </summary>
    private void StartSweeper()
    {
        lock (_gate)
        {
            var every = options.IdleTimeout < TimeSpan.FromSeconds(30) ? options.IdleTimeout : TimeSpan.FromSeconds(30);
            _sweeper ??= TimeProvider.System.CreateTimer(_ => Sweep(), null, every, every);
        }
    }

    private void Sweep()
    {
        var now = Environment.TickCount64;
        foreach (var origin in _origins)
        {
            var keep = new List<Http11Connection>();
            while (origin.TryPopIdle(out var connection))
            {
                if (connection.IsExpired(now, options))
                {
                    connection.Dispose();
                }
                else
                {
                    keep.Add(connection);
                }
            }
            // Oldest first, so the most recently used ends on top again.
            for (var i = keep.Count - 1; i >= 0; i--)
            {
                origin.PushIdle(keep[i]);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_gate)
        {
            _sweeper?.Dispose();
        }
        foreach (var origin in _origins)
        {
            while (origin.TryPopIdle(out var connection))
            {
                connection.Dispose();
            }
        }
    }
}
