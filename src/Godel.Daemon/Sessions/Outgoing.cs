// One item in a client's send queue: a ready frame, or a marker asking for a fresh snapshot of an attachment.
namespace Godel.Daemon.Sessions;

internal readonly record struct Outgoing(byte[]? Frame, Attachment? Attachment)
{
    public static Outgoing Message(byte[] frame) => new(frame, null);

    public static Outgoing Output(byte[] frame, Attachment attachment) => new(frame, attachment);

    /// <summary>When the writer reaches this, it takes a snapshot of the session and sends it in place of the dropped backlog.</summary>
    public static Outgoing Resync(Attachment attachment) => new(null, attachment);
}

/// <summary>A client's send queue. Enqueue never blocks (the PTY reader calls it).</summary>
internal interface IOutgoingQueue
{
    void Enqueue(Outgoing item);
}
