// The buffered (thread) reader hands out the same frames as the async one, however the bytes arrive.
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Protocol.Tests;

public sealed class BufferedFrameReaderTests
{
    /// <summary>A stream that returns at most <paramref name="step"/> bytes per read, like a socket under load.</summary>
    private sealed class Trickle(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }

    private static byte[] Frames()
    {
        var big = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        return [
            .. FrameEncoder.Message(new Hello(1, "t", "0", 1) { Id = 1 }),
            .. FrameEncoder.Terminal(FrameKind.Output, 5, "abc"u8),
            .. FrameEncoder.Terminal(FrameKind.Output, 6, big),
            .. FrameEncoder.Terminal(FrameKind.Input, 7, ""u8),
        ];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void Frames_come_out_whole_and_in_order_whatever_the_read_sizes(int step)
    {
        var reader = new BufferedFrameReader(new Trickle(Frames(), step));

        var hello = reader.Read()!.Value;
        Assert.Equal("t", Assert.IsType<Hello>(FrameDecoder.Message(hello.Payload.Span)).ClientName);
        var small = FrameDecoder.Terminal(reader.Read()!.Value.Payload.Span);
        Assert.Equal((5u, "abc"), (small.Channel, System.Text.Encoding.ASCII.GetString(small.Data)));
        var large = FrameDecoder.Terminal(reader.Read()!.Value.Payload.Span);
        Assert.Equal(6u, large.Channel);
        Assert.Equal(200_000, large.Data.Length);
        Assert.Equal(unchecked((byte)(199_999 * 7)), large.Data[^1]);
        Assert.Equal(0, FrameDecoder.Terminal(reader.Read()!.Value.Payload.Span).Data.Length);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void A_connection_cut_mid_frame_is_a_protocol_error()
    {
        var frame = FrameEncoder.Terminal(FrameKind.Output, 1, new byte[100]);

        var inBody = Assert.Throws<ProtocolException>(() => new BufferedFrameReader(new MemoryStream(frame[..50])).Read());
        var inHeader = Assert.Throws<ProtocolException>(() => new BufferedFrameReader(new MemoryStream(frame[..3])).Read());

        Assert.Contains("middle of a 104-byte frame", inBody.Message, StringComparison.Ordinal);
        Assert.Contains("frame header", inHeader.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_and_unknown_frames_are_refused_before_reading_their_body()
    {
        byte[] huge = [0x7F, 0xFF, 0xFF, 0xFF, (byte)FrameKind.Output];
        byte[] unknown = [0, 0, 0, 1, 99, 0];

        Assert.Contains("exceeds the limit", Assert.Throws<ProtocolException>(() => new BufferedFrameReader(new MemoryStream(huge)).Read()).Message, StringComparison.Ordinal);
        Assert.Contains("unknown frame kind 99", Assert.Throws<ProtocolException>(() => new BufferedFrameReader(new MemoryStream(unknown)).Read()).Message, StringComparison.Ordinal);
    }
}
