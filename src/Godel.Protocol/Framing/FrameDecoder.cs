// Reads the payloads of received frames back into messages and terminal chunks.
using System.Buffers.Binary;
using System.Text.Json;
using Godel.Protocol.Messages;

namespace Godel.Protocol.Framing;

/// <summary>The body of an Output or Input frame.</summary>
public readonly ref struct TerminalChunk(uint channel, ReadOnlySpan<byte> data)
{
    public uint Channel { get; } = channel;
    public ReadOnlySpan<byte> Data { get; } = data;
}

/// <summary>The body of a Snapshot frame.</summary>
public readonly ref struct SnapshotChunk(uint channel, int columns, int rows, ReadOnlySpan<byte> screen)
{
    public uint Channel { get; } = channel;
    public int Columns { get; } = columns;
    public int Rows { get; } = rows;
    public ReadOnlySpan<byte> Screen { get; } = screen;
}

public static class FrameDecoder
{
    public static Message Message(ReadOnlySpan<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, ProtocolJsonContext.Default.Message)
                ?? throw new ProtocolException("message frame holds JSON null");
        }
        catch (JsonException e)
        {
            throw new ProtocolException($"message frame is not a valid message: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new ProtocolException($"message frame has an unknown or missing type: {e.Message}", e);
        }
    }

    public static TerminalChunk Terminal(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            throw new ProtocolException($"terminal frame of {payload.Length} bytes is shorter than its channel id");
        }

        return new TerminalChunk(BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]);
    }

    public static SnapshotChunk Snapshot(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8)
        {
            throw new ProtocolException($"snapshot frame of {payload.Length} bytes is shorter than its header");
        }

        return new SnapshotChunk(
            BinaryPrimitives.ReadUInt32BigEndian(payload),
            BinaryPrimitives.ReadUInt16BigEndian(payload[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(payload[6..]),
            payload[8..]);
    }
}
