// A client's outbox: busy attachments share the connection round-robin, messages keep their place, backlogs become snapshots.
using Godel.Daemon.Server;
using Godel.Daemon.Sessions;
using Godel.Protocol.Framing;
using Godel.Terminal;

namespace Godel.Daemon.Tests;

public sealed class ClientOutboxTests
{
    private sealed class Quiet : ISessionObserver
    {
        public void OnOutput()
        {
        }

        public void OnBell()
        {
        }

        public void OnNotification(string title, string body)
        {
        }
    }

    private static Attachment Attach(ClientOutbox outbox, uint channel, long backlog = 1 << 20) =>
        new(new Session(new TerminalEmulator(new TerminalOptions { Columns = 20, Rows = 5 }, new NullEvents()), new Quiet()), outbox, channel, 20, 5, false, backlog);

    private sealed class NullEvents : ITerminalEvents;

    private static List<(uint Channel, int Bytes)> Decode(FrameBatch batch)
    {
        var reader = new BufferedFrameReader(new MemoryStream(batch.Span.ToArray()));
        var frames = new List<(uint, int)>();
        while (reader.Read() is { } frame)
        {
            var chunk = FrameDecoder.Terminal(frame.Payload.Span);
            frames.Add((chunk.Channel, chunk.Data.Length));
        }

        return frames;
    }

    [Fact]
    public void A_keystroke_echo_waits_behind_at_most_one_quantum_of_a_flooding_agent()
    {
        var outbox = new ClientOutbox();
        var flood = Attach(outbox, 1);
        var echo = Attach(outbox, 2);
        outbox.Output(flood, new byte[500_000]);
        outbox.Output(echo, "a"u8);

        var output = new FrameBatch();
        Assert.True(outbox.Take([], output));

        Assert.Equal([(1u, ClientOutbox.Quantum), (2u, 1)], Decode(output));
        output.Clear();
        Assert.True(outbox.Take([], output));
        Assert.Equal([(1u, ClientOutbox.Quantum)], Decode(output)); // the flood goes on, one quantum per round
    }

    [Fact]
    public void A_message_is_sent_after_the_output_queued_before_it()
    {
        var outbox = new ClientOutbox();
        var agent = Attach(outbox, 3);
        outbox.Output(agent, "last words"u8);
        outbox.Message([1, 2, 3]);
        var ordered = new List<Outgoing>();
        var output = new FrameBatch();

        Assert.True(outbox.Take(ordered, output));

        Assert.Equal(2, ordered.Count);
        Assert.Same(agent, ordered[0].Attachment);
        Assert.Equal("last words", System.Text.Encoding.ASCII.GetString(FrameDecoder.Terminal(ordered[0].Frame.AsSpan(5)).Data));
        Assert.Equal(new byte[] { 1, 2, 3 }, ordered[1].Frame);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void A_client_too_far_behind_gets_a_snapshot_marker_instead_of_its_backlog_and_output_resumes_after_it()
    {
        var outbox = new ClientOutbox();
        var slow = Attach(outbox, 4, backlog: 1000);
        outbox.Output(slow, new byte[600]);
        outbox.Output(slow, new byte[600]); // over the limit: the backlog is dropped
        outbox.Output(slow, new byte[10]);  // dropped too until the snapshot is taken
        var ordered = new List<Outgoing>();
        var output = new FrameBatch();

        Assert.True(outbox.Take(ordered, output));
        var marker = Assert.Single(ordered);
        Assert.Null(marker.Frame);
        Assert.Same(slow, marker.Attachment);
        Assert.Equal(0, output.Length);

        Assert.NotNull(slow.Session.SnapshotFor(slow)); // what the writer does with the marker
        outbox.Output(slow, new byte[10]);
        ordered.Clear();
        Assert.True(outbox.Take(ordered, output));
        Assert.Equal([(4u, 10)], Decode(output));
    }

    [Fact]
    public void A_completed_outbox_drains_what_it_holds_then_ends()
    {
        var outbox = new ClientOutbox();
        outbox.Message([9]);
        outbox.Complete();
        var ordered = new List<Outgoing>();

        Assert.True(outbox.Take(ordered, new FrameBatch()));
        Assert.False(outbox.Take(ordered, new FrameBatch()));
        Assert.Single(ordered);
    }
}
