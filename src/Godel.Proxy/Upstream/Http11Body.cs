// The body of one HTTP/1.1 response as a read-only stream: length-delimited, chunked (decoded) or until close.
using System.Buffers.Text;

namespace Godel.Proxy.Upstream;

/// <summary>
/// Hands its connection back to the client the moment the last byte of the body is read (so the next request can
/// take it at once); disposed earlier, it closes the connection, since the rest of the body is still on the wire.
/// </summary>
internal sealed class Http11Body : Stream
{
    private const int MaxChunkLine = 4096;

    private readonly Http11Client _client;
    private readonly ResponseHead _head;
    private Http11Connection? _connection;
    private long _remaining;
    private ChunkState _chunk = ChunkState.Size;

    private enum ChunkState { Size, Data, DataEnd, Trailers }

    public Http11Body(Http11Client client, Http11Connection connection, ResponseHead head)
    {
        _client = client;
        _connection = connection;
        _head = head;
        _remaining = head.Framing == BodyFraming.Length ? head.ContentLength : 0;
        if (head.Framing == BodyFraming.None)
        {
            Finish();
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_connection is not { } connection || buffer.IsEmpty)
        {
            return 0;
        }
        switch (_head.Framing)
        {
            case BodyFraming.Length:
                {
                    var n = await ReadSomeAsync(connection, buffer, _remaining, cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw Truncated($"{_remaining} bytes before the end of the body");
                    }
                    _remaining -= n;
                    if (_remaining == 0)
                    {
                        Finish();
                    }
                    return n;
                }
            case BodyFraming.UntilClose:
                {
                    var n = await ReadSomeAsync(connection, buffer, long.MaxValue, cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        Finish();
                    }
                    return n;
                }
            default:
                return await ReadChunkedAsync(connection, buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<int> ReadChunkedAsync(Http11Connection connection, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (_chunk)
            {
                case ChunkState.Data:
                    {
                        var n = await ReadSomeAsync(connection, buffer, _remaining, cancellationToken).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw Truncated("in the middle of a chunk");
                        }
                        _remaining -= n;
                        if (_remaining == 0)
                        {
                            _chunk = ChunkState.DataEnd;
                        }
                        return n;
                    }
                case ChunkState.DataEnd:
                    {
                        var (length, lineBytes) = await ReadLineAsync(connection, cancellationToken).ConfigureAwait(false);
                        if (length != 0)
                        {
                            throw new UpstreamException($"upstream {connection.Origin.Display} sent a chunk without its closing CRLF");
                        }
                        connection.Consume(lineBytes);
                        _chunk = ChunkState.Size;
                        break;
                    }
                case ChunkState.Size:
                    {
                        var (length, lineBytes) = await ReadLineAsync(connection, cancellationToken).ConfigureAwait(false);
                        var line = connection.Buffered[..length];
                        var end = line.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
                        var digits = end < 0 ? line : line[..end];
                        if (!Utf8Parser.TryParse(digits, out long size, out var used, 'x') || used != digits.Length || size < 0)
                        {
                            throw new UpstreamException($"upstream {connection.Origin.Display} sent an invalid chunk size");
                        }
                        connection.Consume(lineBytes);
                        if (size == 0)
                        {
                            _chunk = ChunkState.Trailers;
                            break;
                        }
                        _remaining = size;
                        _chunk = ChunkState.Data;
                        break;
                    }
                default:
                    {
                        // Trailer fields are not forwarded (nothing LLM providers send); read up to the blank line.
                        var (length, lineBytes) = await ReadLineAsync(connection, cancellationToken).ConfigureAwait(false);
                        connection.Consume(lineBytes);
                        if (length == 0)
                        {
                            Finish();
                            return 0;
                        }
                        break;
                    }
            }
        }
    }

    /// <summary>
    /// Waits until a whole line is buffered at the start of <see cref="Http11Connection.Buffered"/>; returns its length
    /// without the line end (CRLF or a bare LF) and its length with it, for the caller to consume once it has read it.
    /// </summary>
    private async ValueTask<(int Length, int WithEnd)> ReadLineAsync(Http11Connection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffered = connection.Buffered;
            var lf = buffered.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                return (lf > 0 && buffered[lf - 1] == (byte)'\r' ? lf - 1 : lf, lf + 1);
            }
            if (buffered.Length > MaxChunkLine)
            {
                throw new UpstreamException($"upstream {connection.Origin.Display} sent a chunk line longer than {MaxChunkLine} bytes");
            }
            if (!await connection.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Truncated("in the chunked framing");
            }
        }
    }

    /// <summary>Buffered bytes first; with the buffer empty, a read straight into the caller's memory.</summary>
    private static ValueTask<int> ReadSomeAsync(Http11Connection connection, Memory<byte> buffer, long max, CancellationToken cancellationToken)
    {
        if (!connection.Buffered.IsEmpty)
        {
            return ValueTask.FromResult(connection.TakeBuffered(buffer.Span, max));
        }
        return connection.ReadDirectAsync(max < buffer.Length ? buffer[..(int)max] : buffer, cancellationToken);
    }

    private UpstreamException Truncated(string where) =>
        new($"upstream {_connection?.Origin.Display} closed the connection {where}");

    /// <summary>The body is complete: the connection goes back to the pool when it can carry another request.</summary>
    private void Finish()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            _client.Release(connection, reusable: _head.KeepAlive && connection.Buffered.IsEmpty);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _connection, null)?.Dispose();
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
