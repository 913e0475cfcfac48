// Builds whole frames (header + payload) as one buffer, so each frame is one write on the socket.
using System.Buffers.Binary;
using System.Text.Json;
using Godel.Protocol.Messages;

namespace Godel.Protocol.Framing;

public static class FrameEncoder
{
    /// <summary>A JSON message frame.</summary>
    public static byte[] Message(Message message)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.Message);
        var frame = new byte[ProtocolInfo.HeaderBytes + json.Length];
        WriteHeader(frame, FrameKind.Message, json.Length);
        json.CopyTo(frame.AsSpan(ProtocolInfo.HeaderBytes));
        return frame;
    }

    /// <summary>An Output or Input frame for one channel.</summary>
    public static byte[] Terminal(FrameKind kind, uint channel, ReadOnlySpan<byte> data)
    {
        var frame = new byte[ProtocolInfo.HeaderBytes + 4 + data.Length];
        WriteHeader(frame, kind, 4 + data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(ProtocolInfo.HeaderBytes), channel);
        data.CopyTo(frame.AsSpan(ProtocolInfo.HeaderBytes + 4));
        return frame;
    }

    /// <summary>A Snapshot frame: the screen of a channel at a given size.</summary>
    public static byte[] Snapshot(uint channel, int columns, int rows, ReadOnlySpan<byte> screen)
    {
        var frame = new byte[ProtocolInfo.HeaderBytes + 8 + screen.Length];
        WriteHeader(frame, FrameKind.Snapshot, 8 + screen.Length);
        var body = frame.AsSpan(ProtocolInfo.HeaderBytes);
        BinaryPrimitives.WriteUInt32BigEndian(body, channel);
        BinaryPrimitives.WriteUInt16BigEndian(body[4..], checked((ushort)columns));
        BinaryPrimitives.WriteUInt16BigEndian(body[6..], checked((ushort)rows));
        screen.CopyTo(body[8..]);
        return frame;
    }

    private static void WriteHeader(Span<byte> frame, FrameKind kind, int length)
    {
        if (length > ProtocolInfo.MaxFrameBytes)
        {
            throw new ProtocolException($"frame of {length} bytes exceeds the limit of {ProtocolInfo.MaxFrameBytes}");
        }

        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)length);
        frame[4] = (byte)kind;
    }
}
