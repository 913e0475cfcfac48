// Reads frames with blocking reads into one buffer: a burst of small frames costs one read, not two per frame.
using System.Buffers.Binary;

namespace Godel.Protocol.Framing;

/// <summary>
/// For a dedicated reader thread (no thread-pool hop per frame). Reads as much as the stream has, then hands out the
/// frames it holds; a frame's payload is valid until the next <see cref="Read"/>.
/// </summary>
public sealed class BufferedFrameReader(Stream stream, int maxFrameBytes = ProtocolInfo.MaxFrameBytes)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next frame, or null when the peer closed cleanly between frames. Throws <see cref="ProtocolException"/> on a broken frame.</summary>
    public Frame? Read()
    {
        if (!Fill(ProtocolInfo.HeaderBytes))
        {
            if (_end == _start)
            {
                return null;
            }

            throw new ProtocolException("connection closed in the middle of a frame header");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start));
        var kind = (FrameKind)_buffer[_start + 4];
        if (length > (uint)maxFrameBytes)
        {
            throw new ProtocolException($"frame of {length} bytes exceeds the limit of {maxFrameBytes}");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ProtocolException($"unknown frame kind {(byte)kind}");
        }

        var total = ProtocolInfo.HeaderBytes + (int)length;
        if (!Fill(total))
        {
            throw new ProtocolException($"connection closed in the middle of a {length}-byte frame");
        }

        var frame = new Frame(kind, _buffer.AsMemory(_start + ProtocolInfo.HeaderBytes, (int)length));
        _start += total;
        return frame;
    }

    // Ensures `count` unread bytes are buffered; false when the stream ended first.
    private bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        Compact(count);
        while (_end - _start < count)
        {
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0)
            {
                return false;
            }

            _end += n;
        }

        return true;
    }

    // Moves the unread bytes to the front (the previous frame's payload is no longer in use) and grows for big frames.
    private void Compact(int count)
    {
        var unread = _end - _start;
        if (count > _buffer.Length)
        {
            var bigger = new byte[Math.Max(count, _buffer.Length * 2)];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, unread);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
    }
}
