// A client's send queue as sessions see it, and one item in its ordered part.
namespace Godel.Daemon.Sessions;

/// <summary>What a session may ask of a client's outbox. No call ever blocks (the PTY reader makes them).</summary>
internal interface IClientOutbox
{
    void Output(Attachment attachment, ReadOnlySpan<byte> data);

    void Resync(Attachment attachment);

    void Resumed(Attachment attachment);
}

/// <summary>A ready frame (a message, or output framed before a message so it keeps its place), or a resync marker.</summary>
internal readonly record struct Outgoing(byte[]? Frame, Attachment? Attachment)
{
    public static Outgoing Message(byte[] frame) => new(frame, null);

    public static Outgoing Output(byte[] frame, Attachment attachment) => new(frame, attachment);

    /// <summary>When the writer reaches this, it takes a snapshot of the session and sends it in place of the dropped backlog.</summary>
    public static Outgoing Resync(Attachment attachment) => new(null, attachment);
}
