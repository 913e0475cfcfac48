// Binary frames round-trip; broken frames are reported as protocol errors, never as crashes.
using System.Buffers.Binary;
using Godel.Protocol.Framing;

namespace Godel.Protocol.Tests;

public sealed class FramingTests
{
    [Fact]
    public async Task Output_and_input_frames_carry_channel_and_bytes_unchanged()
    {
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using var stream = new MemoryStream();
        await stream.WriteAsync(FrameEncoder.Terminal(FrameKind.Output, 42, data));
        await stream.WriteAsync(FrameEncoder.Terminal(FrameKind.Input, 7, "\r"u8));
        stream.Position = 0;
        var reader = new FrameReader(stream);

        var output = (await reader.ReadAsync())!.Value;
        Assert.Equal(FrameKind.Output, output.Kind);
        var chunk = FrameDecoder.Terminal(output.Payload.Span);
        Assert.Equal(42u, chunk.Channel);
        Assert.True(chunk.Data.SequenceEqual(data));

        var input = (await reader.ReadAsync())!.Value;
        Assert.Equal(FrameKind.Input, input.Kind);
        Assert.Equal(7u, FrameDecoder.Terminal(input.Payload.Span).Channel);
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_snapshot_frame_carries_its_size()
    {
        using var stream = new MemoryStream(FrameEncoder.Snapshot(3, 200, 50, "\e[Hhello"u8));

        var frame = (await new FrameReader(stream).ReadAsync())!.Value;
        var snapshot = FrameDecoder.Snapshot(frame.Payload.Span);

        Assert.Equal((3u, 200, 50), (snapshot.Channel, snapshot.Columns, snapshot.Rows));
        Assert.True(snapshot.Screen.SequenceEqual("\e[Hhello"u8));
    }

    [Fact]
    public async Task A_frame_over_the_size_limit_is_refused_before_reading_it()
    {
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header, ProtocolInfo.MaxFrameBytes + 1u);
        header[4] = (byte)FrameKind.Output;

        var e = await Assert.ThrowsAsync<ProtocolException>(async () => await new FrameReader(new MemoryStream(header)).ReadAsync());
        Assert.Contains("exceeds the limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_frame_kind_is_a_protocol_error()
    {
        byte[] frame = [0, 0, 0, 1, 99, 0];

        var e = await Assert.ThrowsAsync<ProtocolException>(async () => await new FrameReader(new MemoryStream(frame)).ReadAsync());
        Assert.Contains("unknown frame kind 99", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public async Task A_peer_closing_mid_frame_is_a_protocol_error(int keep)
    {
        var whole = FrameEncoder.Terminal(FrameKind.Output, 1, "abcdef"u8);

        var e = await Assert.ThrowsAsync<ProtocolException>(async () => await new FrameReader(new MemoryStream(whole[..keep])).ReadAsync());
        Assert.Contains("closed in the middle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_json_in_a_message_frame_is_a_protocol_error()
    {
        Assert.Throws<ProtocolException>(() => FrameDecoder.Message("{not json"u8));
        Assert.Throws<ProtocolException>(() => FrameDecoder.Message("{\"type\":\"nope\"}"u8));
        Assert.Throws<ProtocolException>(() => FrameDecoder.Message("null"u8));
    }

    [Fact]
    public void A_terminal_frame_shorter_than_its_channel_is_a_protocol_error()
    {
        Assert.Throws<ProtocolException>(() => FrameDecoder.Terminal([1, 2]));
        Assert.Throws<ProtocolException>(() => FrameDecoder.Snapshot([1, 2, 3]));
    }

    [Fact]
    public void The_mismatch_message_says_how_to_fix_it()
    {
        Assert.Equal("daemon is version 2, client 1: restart it with `godel daemon stop`", ProtocolInfo.MismatchMessage(2, 1));
    }
}
