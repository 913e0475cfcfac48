// A client's send queue: messages in order, and each attachment's output coalesced and served round-robin, so one
// flooding agent never holds another agent's output (a keystroke's echo) behind a long backlog.
using System.Buffers.Binary;
using Godel.Daemon.Sessions;
using Godel.Protocol;
using Godel.Protocol.Framing;

namespace Godel.Daemon.Server;

/// <summary>
/// Sessions append output under their own lock; the client's writer thread takes it in batches. Output of one
/// attachment stays in order; between attachments, each round gives every busy one at most <see cref="Quantum"/>
/// bytes. A message (reply, state push) first frames all output queued before it, so it never overtakes output.
/// </summary>
internal sealed class ClientOutbox(ClientOutbox.TrySend? sendNow = null) : IClientOutbox
{
    /// <summary>Most output one attachment sends per round: what an echo may wait behind per busy agent.</summary>
    public const int Quantum = 16 * 1024;

    private readonly object _gate = new();
    private readonly Queue<Outgoing> _ordered = new();
    private readonly Queue<Attachment> _ready = new();
    private readonly FrameBatch _direct = new();
    private bool _completed;
    private bool _writerWaiting;

    /// <summary>A send that never blocks: bytes sent, 0 when the socket is full, -1 when it is broken.</summary>
    public delegate int TrySend(ReadOnlySpan<byte> data);

    public void Output(Attachment attachment, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (attachment.Stalled || _completed)
            {
                return;
            }

            if (attachment.QueuedBytes + data.Length > attachment.BacklogLimit)
            {
                StallLocked(attachment);
                return;
            }

            if (SentDirectlyLocked(attachment, data))
            {
                return;
            }

            attachment.Pending.Append(data);
            attachment.QueuedBytes += data.Length;
            if (!attachment.Queued)
            {
                attachment.Queued = true;
                _ready.Enqueue(attachment);
                Monitor.Pulse(_gate);
            }
        }
    }

    public void Resync(Attachment attachment)
    {
        lock (_gate)
        {
            if (!attachment.Stalled && !_completed)
            {
                StallLocked(attachment);
            }
        }
    }

    public void Resumed(Attachment attachment)
    {
        lock (_gate)
        {
            attachment.Stalled = false;
        }
    }

    /// <summary>A whole frame that must follow everything queued so far (replies, pushed state changes).</summary>
    public void Message(byte[] frame)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            SealLocked();
            _ordered.Enqueue(Outgoing.Message(frame));
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>No more items will be accepted; the writer drains what is queued and stops.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Blocks until there is something to send; moves the ordered items into <paramref name="ordered"/> and one round of
    /// coalesced output into <paramref name="output"/> (to be sent after them). False once completed and drained.
    /// </summary>
    public bool Take(List<Outgoing> ordered, FrameBatch output)
    {
        lock (_gate)
        {
            while (_ordered.Count == 0 && _ready.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _writerWaiting = true;
                Monitor.Wait(_gate);
                _writerWaiting = false;
            }

            while (_ordered.TryDequeue(out var item))
            {
                ordered.Add(item);
            }

            for (var n = _ready.Count; n > 0; n--)
            {
                var attachment = _ready.Dequeue();
                if (attachment.Stalled || attachment.Closed || attachment.Pending.Length == 0)
                {
                    attachment.Queued = false;
                    continue;
                }

                var take = Math.Min(Quantum, attachment.Pending.Length);
                output.AddOutput(attachment.Channel, attachment.Pending.Span[..take]);
                attachment.Pending.Consume(take);
                attachment.QueuedBytes -= take;
                if (attachment.Pending.Length > 0)
                {
                    _ready.Enqueue(attachment);
                }
                else
                {
                    attachment.Queued = false;
                }
            }

            return true;
        }
    }

    /// <summary>The writer took a sealed output frame off the ordered queue (sent or dropped).</summary>
    public void Dequeued(Attachment attachment, int bytes)
    {
        lock (_gate)
        {
            attachment.QueuedBytes -= bytes;
        }
    }

    // The fast path for an idle connection (a keystroke's echo): the session's reader thread sends the frame itself
    // instead of waking the writer thread, saving a thread hop. Only while the writer waits with nothing queued, so
    // the two never send at once and nothing is overtaken; a partial send leaves the rest first in line.
    private bool SentDirectlyLocked(Attachment attachment, ReadOnlySpan<byte> data)
    {
        if (sendNow is null || !_writerWaiting || _ordered.Count > 0 || _ready.Count > 0 || data.Length > Quantum)
        {
            return false;
        }

        _direct.Clear();
        _direct.AddOutput(attachment.Channel, data);
        var sent = sendNow(_direct.Span);
        if (sent <= 0)
        {
            return false; // full or broken: queue it; the writer finds out which
        }

        if (sent < _direct.Length)
        {
            _ordered.Enqueue(Outgoing.Message(_direct.Span[sent..].ToArray()));
            Monitor.Pulse(_gate);
        }

        return true;
    }

    // Drops the attachment's backlog; the writer sends a snapshot in its place when it reaches the marker.
    private void StallLocked(Attachment attachment)
    {
        attachment.Stalled = true;
        attachment.QueuedBytes -= attachment.Pending.Length;
        attachment.Pending.Clear();
        _ordered.Enqueue(Outgoing.Resync(attachment));
        Monitor.Pulse(_gate);
    }

    // Frames all coalesced output into the ordered queue so a message queued now is sent after it.
    private void SealLocked()
    {
        while (_ready.TryDequeue(out var attachment))
        {
            attachment.Queued = false;
            if (attachment.Stalled || attachment.Closed || attachment.Pending.Length == 0)
            {
                continue;
            }

            _ordered.Enqueue(Outgoing.Output(FrameEncoder.Terminal(FrameKind.Output, attachment.Channel, attachment.Pending.Span), attachment));
            attachment.Pending.Clear();
        }
    }
}

/// <summary>Frames laid out back to back in one reusable buffer, sent with one write.</summary>
internal sealed class FrameBatch
{
    private byte[] _buffer = new byte[64 * 1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Add(ReadOnlySpan<byte> frame) => frame.CopyTo(Reserve(frame.Length));

    public void AddOutput(uint channel, ReadOnlySpan<byte> data)
    {
        var frame = Reserve(ProtocolInfo.HeaderBytes + 4 + data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(4 + data.Length));
        frame[4] = (byte)FrameKind.Output;
        BinaryPrimitives.WriteUInt32BigEndian(frame[ProtocolInfo.HeaderBytes..], channel);
        data.CopyTo(frame[(ProtocolInfo.HeaderBytes + 4)..]);
    }

    public void Append(FrameBatch other) => Add(other.Span);

    /// <summary>Empties the batch; a buffer grown for one huge snapshot is given back.</summary>
    public void Clear()
    {
        Length = 0;
        if (_buffer.Length > 1024 * 1024)
        {
            _buffer = new byte[64 * 1024];
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - Length < count)
        {
            Array.Resize(ref _buffer, Math.Max(Length + count, _buffer.Length * 2));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
