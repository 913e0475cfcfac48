// A scripted HTTP/1.1 upstream on raw TCP (optionally TLS): tests write the exact response bytes, framing and closes.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Godel.Proxy.Tests.Support;

/// <summary>One request as it arrived: the head's text exactly, the body, and which connection carried it.</summary>
public sealed record RawRequest(string Head, byte[] Body, int Connection, int OnConnection)
{
    public string RequestLine => Head[..Head.IndexOf("\r\n", StringComparison.Ordinal)];

    /// <summary>Header values by name (case-insensitive); a repeated header keeps its last value.</summary>
    public IReadOnlyDictionary<string, string> Headers =>
        Head.Split("\r\n").Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
}

public sealed class RawUpstream : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private int _connectionCount;
    private int _closedByClient;

    /// <summary>Writes the answer to one request; return false to close the connection afterwards.</summary>
    public Func<RawRequest, Stream, Task<bool>> Respond { get; set; } = (_, _) => Task.FromResult(false);

    public ConcurrentQueue<RawRequest> Seen { get; } = new();
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>Connections the proxy closed (end of stream while waiting for its next request).</summary>
    public int ClosedByClient => Volatile.Read(ref _closedByClient);
    public string Url { get; }

    private RawUpstream(X509Certificate2? certificate)
    {
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"{(certificate is null ? "http" : "https")}://{(certificate is null ? "127.0.0.1" : "localhost")}:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _ = AcceptLoopAsync();
    }

    public static RawUpstream Start(X509Certificate2? tlsCertificate = null) => new(tlsCertificate);

    /// <summary>A complete response with Content-Length.</summary>
    public static byte[] Response(int status, string body, string contentType = "application/json", string extraHeaders = "") =>
        Encoding.UTF8.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}\r\n{body}");

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var index = Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client, index));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int index)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = ssl;
                }
                var reader = new RawReader(stream);
                for (var n = 1; ; n++)
                {
                    var request = await reader.ReadRequestAsync(index, n, _stop.Token);
                    if (request is null)
                    {
                        Interlocked.Increment(ref _closedByClient);
                        return;
                    }
                    Seen.Enqueue(request);
                    if (!await Respond(request, stream))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    /// <summary>Reads requests off one connection: head up to the blank line, then Content-Length bytes.</summary>
    private sealed class RawReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _count;

        public async Task<RawRequest?> ReadRequestAsync(int connection, int onConnection, CancellationToken cancellationToken)
        {
            int end;
            while ((end = _buffer.AsSpan(0, _count).IndexOf("\r\n\r\n"u8)) < 0)
            {
                var n = await stream.ReadAsync(_buffer.AsMemory(_count), cancellationToken);
                if (n == 0)
                {
                    return null;
                }
                _count += n;
            }
            var head = Encoding.Latin1.GetString(_buffer, 0, end);
            var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var total = end + 4 + length;
            while (_count < total)
            {
                var n = await stream.ReadAsync(_buffer.AsMemory(_count), cancellationToken);
                if (n == 0)
                {
                    return null;
                }
                _count += n;
            }
            var body = _buffer.AsSpan(end + 4, length).ToArray();
            _buffer.AsSpan(total, _count - total).CopyTo(_buffer);
            _count -= total;
            return new RawRequest(head, body, connection, onConnection);
        }
    }
}
