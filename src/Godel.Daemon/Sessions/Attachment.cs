// One client watching one session: its channel, size, read-only flag, and how far behind it is.
using Godel.Protocol.Framing;

namespace Godel.Daemon.Sessions;

internal sealed class Attachment(Session session, IOutgoingQueue client, uint channel, int columns, int rows, bool readOnly, long backlogLimit)
{
    private long _queuedBytes;

    public Session Session { get; } = session;
    public uint Channel { get; } = channel;
    public bool ReadOnly { get; } = readOnly;
    public int Columns { get; set; } = columns;
    public int Rows { get; set; } = rows;

    /// <summary>True while the backlog is being dropped until the next snapshot (guarded by the session lock).</summary>
    public bool Stalled { get; private set; }

    public bool Closed { get; set; }

    /// <summary>Queues output for the client; when the client is too far behind, drops it and asks for a snapshot. Session lock held.</summary>
    public void SendOutput(ReadOnlySpan<byte> data)
    {
        if (Stalled || Closed)
        {
            return;
        }

        if (Interlocked.Read(ref _queuedBytes) > backlogLimit)
        {
            RequestSnapshot();
            return;
        }

        var frame = FrameEncoder.Terminal(FrameKind.Output, Channel, data);
        Interlocked.Add(ref _queuedBytes, frame.Length);
        client.Enqueue(Outgoing.Output(frame, this));
    }

    /// <summary>Drop whatever is queued and send a fresh snapshot when the writer gets there. Session lock held.</summary>
    public void RequestSnapshot()
    {
        if (Stalled || Closed)
        {
            return;
        }

        Stalled = true;
        client.Enqueue(Outgoing.Resync(this));
    }

    /// <summary>The writer took a queued output frame off the queue (sent or dropped).</summary>
    public void Dequeued(int bytes) => Interlocked.Add(ref _queuedBytes, -bytes);

    /// <summary>The writer is about to send a snapshot; from now on output flows again. Session lock held.</summary>
    public void Resumed() => Stalled = false;
}
