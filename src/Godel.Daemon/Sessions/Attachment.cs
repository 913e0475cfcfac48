// One client watching one session: its channel, size, read-only flag, and its share of the client's outbox.
namespace Godel.Daemon.Sessions;

internal sealed class Attachment(Session session, IClientOutbox outbox, uint channel, int columns, int rows, bool readOnly, long backlogLimit)
{
    public Session Session { get; } = session;
    public uint Channel { get; } = channel;
    public bool ReadOnly { get; } = readOnly;
    public int Columns { get; set; } = columns;
    public int Rows { get; set; } = rows;

    /// <summary>Output this client may have waiting before it is dropped for a fresh snapshot.</summary>
    public long BacklogLimit { get; } = backlogLimit;

    /// <summary>Set under the session lock when the client detaches; its queued output is dropped.</summary>
    public volatile bool Closed;

    // Owned by the client's outbox and guarded by its lock: output not yet framed, whether the attachment waits in
    // the outbox's round-robin, whether output is being dropped until the next snapshot, bytes waiting in all.
    internal ByteQueue Pending { get; } = new();
    internal bool Queued;
    internal volatile bool Stalled;
    internal long QueuedBytes;

    /// <summary>Output for the client. Session lock held, so output order is the emulator's order.</summary>
    public void SendOutput(ReadOnlySpan<byte> data)
    {
        if (!Closed)
        {
            outbox.Output(this, data);
        }
    }

    /// <summary>Drop whatever is queued and send a fresh snapshot when the writer gets there. Session lock held.</summary>
    public void RequestSnapshot()
    {
        if (!Closed)
        {
            outbox.Resync(this);
        }
    }

    /// <summary>The writer is about to send a snapshot; from now on output flows again. Session lock held.</summary>
    public void Resumed() => outbox.Resumed(this);
}
