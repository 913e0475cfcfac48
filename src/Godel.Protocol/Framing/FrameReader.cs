// Reads length-prefixed frames from a stream into one reusable buffer (no allocation per frame).
using System.Buffers.Binary;

namespace Godel.Protocol.Framing;

public sealed class FrameReader(Stream stream, int maxFrameBytes = ProtocolInfo.MaxFrameBytes)
{
    private readonly byte[] _header = new byte[ProtocolInfo.HeaderBytes];
    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>The next frame, or null when the peer closed cleanly between frames. Throws <see cref="ProtocolException"/> on a broken frame.</summary>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var got = await ReadAtLeastAsync(_header, cancellationToken).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }

        if (got < _header.Length)
        {
            throw new ProtocolException("connection closed in the middle of a frame header");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
        var kind = (FrameKind)_header[4];
        if (length > (uint)maxFrameBytes)
        {
            throw new ProtocolException($"frame of {length} bytes exceeds the limit of {maxFrameBytes}");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ProtocolException($"unknown frame kind {(byte)kind}");
        }

        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        var body = _buffer.AsMemory(0, (int)length);
        if (await ReadAtLeastAsync(body, cancellationToken).ConfigureAwait(false) < length)
        {
            throw new ProtocolException($"connection closed in the middle of a {length}-byte frame");
        }

        return new Frame(kind, body);
    }

    private async ValueTask<int> ReadAtLeastAsync(Memory<byte> into, CancellationToken cancellationToken) =>
        into.Length == 0 ? 0 : await stream.ReadAtLeastAsync(into, into.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
}
