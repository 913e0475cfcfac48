// One keep-alive connection to a provider (TCP, TLS when https): writes requests, reads response heads and bodies.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Godel.Proxy.Upstream;

/// <summary>
/// Used by one request at a time: taken from its origin's idle stack (or connected), written, read, and pushed
/// back only once its response body was read to the end with nothing left over.
/// </summary>
internal sealed class Http11Connection : IDisposable
{
    private const int BufferSize = 16 * 1024;

    /// <summary>A response head larger than this is refused (real providers send 1–3 KB).</summary>
    internal const int MaxHeadBytes = 256 * 1024;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    private Http11Connection(UpstreamOrigin origin, Socket socket, Stream stream)
    {
        Origin = origin;
        _socket = socket;
        _stream = stream;
        CreatedMs = LastUsedMs = Environment.TickCount64;
    }

    public UpstreamOrigin Origin { get; }
    public long CreatedMs { get; }
    public long LastUsedMs { get; set; }

    /// <summary>True when this connection carried an earlier request (a failure before any answer may then be retried).</summary>
    public bool Reused { get; set; }

    /// <summary>Whether any byte of the current response arrived.</summary>
    public bool ReceivedAny { get; private set; }

    /// <summary>Bytes read past what was consumed so far.</summary>
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public static async ValueTask<Http11Connection> ConnectAsync(UpstreamOrigin origin, Http11ClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        Stream stream;
        try
        {
            await socket.ConnectAsync(origin.Host, origin.Port, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception e)
        {
            socket.Dispose();
            throw e switch
            {
                OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                    new UpstreamException($"timed out connecting to {origin.Display} after {options.ConnectTimeout.TotalSeconds:0} s", e),
                SocketException s => new UpstreamException($"{s.Message} ({origin.Display})", e),
                _ => e,
            };
        }
        if (origin.Tls)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = origin.Host,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                    RemoteCertificateValidationCallback = options.ServerCertificateValidation,
                }, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
                throw e switch
                {
                    OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                        new UpstreamException($"timed out in the TLS handshake with {origin.Display}", e),
                    AuthenticationException or IOException => new UpstreamException($"TLS handshake with {origin.Display} failed: {e.Message}", e),
                    _ => e,
                };
            }
            stream = ssl;
        }
        return new Http11Connection(origin, socket, stream);
    }

    /// <summary>Past its idle timeout or its lifetime: closed rather than reused.</summary>
    public bool IsExpired(long nowMs, Http11ClientOptions options) =>
        nowMs - LastUsedMs > options.IdleTimeout.TotalMilliseconds || nowMs - CreatedMs > options.Lifetime.TotalMilliseconds;

    /// <summary>
    /// Whether an idle connection can carry another request. One recently used is trusted (a send on a closed one
    /// is retried anyway); an older one is polled: readable while idle means the server closed it (or sent junk).
    /// </summary>
    public bool IsReusable(long nowMs, Http11ClientOptions options)
    {
        if (IsExpired(nowMs, options))
        {
            return false;
        }
        try
        {
            return nowMs - LastUsedMs < 1000 || !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => _stream.WriteAsync(data, cancellationToken);

    /// <summary>Reads the next final response head (1xx interim answers are skipped).</summary>
    public async ValueTask<ResponseHead> ReadHeadAsync(bool requestWasHead, CancellationToken cancellationToken)
    {
        ReceivedAny = false;
        while (true)
        {
            if (ResponseHeadParser.TryParse(Buffered, requestWasHead, out var head, out var consumed))
            {
                _start += consumed;
                if (head!.Status is >= 100 and < 200 && head.Status != 101)
                {
                    continue;
                }
                return head;
            }
            if (_end - _start >= MaxHeadBytes)
            {
                throw new UpstreamException($"upstream response head from {Origin.Display} is larger than {MaxHeadBytes / 1024} KB");
            }
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw ReceivedAny
                    ? new UpstreamException($"{Origin.Display} closed the connection in the middle of a response head")
                    : new ConnectionClosedException($"{Origin.Display} closed the connection without answering");
            }
        }
    }

    /// <summary>Reads more bytes into the buffer (compacting or growing it); false at end of stream.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }
        var n = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            return false;
        }
        ReceivedAny = true;
        _end += n;
        return true;
    }

    /// <summary>Copies up to <paramref name="max"/> buffered bytes into <paramref name="destination"/>.</summary>
    public int TakeBuffered(Span<byte> destination, long max)
    {
        var n = (int)Math.Min(Math.Min(destination.Length, _end - _start), max);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }

    public void Consume(int count) => _start += count;

    /// <summary>Reads straight from the network into <paramref name="destination"/> (the buffer being empty).</summary>
    public async ValueTask<int> ReadDirectAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var n = await _stream.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        ReceivedAny |= n > 0;
        return n;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }
}

/// <summary>The server closed the connection before sending any byte of an answer (a reused connection may be retried).</summary>
internal sealed class ConnectionClosedException(string message) : IOException(message);
