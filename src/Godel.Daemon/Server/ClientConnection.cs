// One connected client: handshake, a reader thread that dispatches requests and keystrokes, and a writer thread
// that sends the client's outbox. Dedicated threads keep keystrokes and echoes off the thread pool, which
// flooding sessions and their clients would otherwise saturate.
using System.Net.Sockets;
using Godel.Daemon.Sessions;
using Godel.Protocol;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Server;

internal sealed class ClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly RequestHandler _handler;
    private readonly DaemonLog _log;
    private const int SendBufferBytes = 64 * 1024;
    private readonly ClientOutbox _outbox;
    private readonly Dictionary<uint, Attachment> _attachments = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _nextChannel;

    public ClientConnection(Socket socket, RequestHandler handler, DaemonLog log, string peer)
    {
        _socket = socket;
        // A small kernel buffer: output already handed to the kernel cannot be overtaken by an echo, so keep it short
        // (a client reading 30 MB/s drains 64 KiB in 2 ms); the outbox holds the rest, where it is fair and droppable.
        _socket.SendBufferSize = SendBufferBytes;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _outbox = new ClientOutbox(SendNow);
        _handler = handler;
        _log = log;
        Peer = peer;
    }

    public string Peer { get; }

    /// <summary>The outbox sessions queue this client's output into.</summary>
    public IClientOutbox Outbox => _outbox;

    /// <summary>True once the handshake succeeded; only then does the client get pushed messages.</summary>
    public bool Welcomed { get; private set; }

    public void Push(Message message)
    {
        if (Welcomed)
        {
            _outbox.Message(FrameEncoder.Message(message));
        }
    }

    /// <summary>Serves the client on its own reader and writer threads until it leaves or breaks the protocol; never throws.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var stop = cancellationToken.Register(() => _ = DisposeAsync());
        var writer = new Thread(WriteLoop) { IsBackground = true, Name = $"client-writer {Peer}" };
        var reader = new Thread(() =>
        {
            ReadLoop();
            writer.Join();
            stop.Dispose();
            _done.TrySetResult();
        })
        { IsBackground = true, Name = $"client-reader {Peer}" };
        writer.Start();
        reader.Start();
        return _done.Task;
    }

    private void ReadLoop()
    {
        try
        {
            var reader = new BufferedFrameReader(_stream);
            if (Handshake(reader))
            {
                while (reader.Read() is { } frame)
                {
                    Dispatch(frame);
                }
            }
        }
        catch (ProtocolException e)
        {
            _log.Warn($"client {Peer}: {e.Message}; closing it");
            _outbox.Message(FrameEncoder.Message(new Error(ErrorCodes.MalformedFrame, e.Message)));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A thread of our own: anything escaping would end the daemon, so a failure ends this client only.
            _log.Error($"client {Peer}: {e}; closing it");
        }

        DetachAll();
        _outbox.Complete();
    }

    private bool Handshake(BufferedFrameReader reader)
    {
        var frame = reader.Read();
        if (frame is null)
        {
            return false;
        }

        var hello = frame.Value.Kind == FrameKind.Message ? FrameDecoder.Message(frame.Value.Payload.Span) as Hello : null;
        if (hello is null)
        {
            throw new ProtocolException("the first frame must be a hello message");
        }

        if (hello.ProtocolVersion != ProtocolInfo.Version)
        {
            var text = ProtocolInfo.MismatchMessage(ProtocolInfo.Version, hello.ProtocolVersion);
            _log.Warn($"client {Peer} ({hello.ClientName} {hello.ClientVersion}): {text}");
            _outbox.Message(FrameEncoder.Message(new Error(ErrorCodes.VersionMismatch, text) { Id = hello.Id }));
            return false;
        }

        _outbox.Message(FrameEncoder.Message(_handler.Welcome() with { Id = hello.Id }));
        Welcomed = true;
        return true;
    }

    private void Dispatch(Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Message:
                var message = FrameDecoder.Message(frame.Payload.Span);
                if (message is Attach or Detach or Resize)
                {
                    Reply(message, HandleInline(message)); // on this thread, so they keep their order with keystrokes
                }
                else
                {
                    _ = Task.Run(() => HandleAsync(message)); // a slow stop or spawn must not hold up keystrokes
                }

                break;
            case FrameKind.Input:
                var chunk = FrameDecoder.Terminal(frame.Payload.Span);
                if (_attachments.TryGetValue(chunk.Channel, out var attachment))
                {
                    _handler.Input(attachment, chunk.Data);
                }

                break;
            default:
                throw new ProtocolException($"clients may not send {frame.Kind} frames");
        }
    }

    private Message? HandleInline(Message message)
    {
        try
        {
            return message switch
            {
                Attach attach => AttachInline(attach),
                Detach detach => DetachInline(detach),
                Resize resize => ResizeInline(resize),
                _ => null,
            };
        }
        catch (RequestException e)
        {
            return new Error(e.Code, e.Message);
        }
    }

    private async Task HandleAsync(Message message)
    {
        Message? reply;
        try
        {
            reply = await _handler.HandleAsync(message, this).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            reply = new Error(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Error($"client {Peer}: {message.GetType().Name} failed: {e}");
            reply = new Error(ErrorCodes.Internal, $"the daemon failed handling {message.GetType().Name}: {e.Message} (see the daemon log)");
        }

        Reply(message, reply);
    }

    private void Reply(Message request, Message? reply)
    {
        if (reply is not null && request.Id != 0)
        {
            _outbox.Message(FrameEncoder.Message(reply with { Id = request.Id }));
        }
    }

    private Message? AttachInline(Attach attach)
    {
        var channel = ++_nextChannel;
        var attachment = _handler.Attach(attach, _outbox, channel, info =>
            _outbox.Message(FrameEncoder.Message(new Attached(attach.Name, channel, info) { Id = attach.Id })));
        _attachments[channel] = attachment;
        return null;
    }

    private Ok? DetachInline(Detach detach)
    {
        if (_attachments.Remove(detach.Channel, out var attachment))
        {
            attachment.Session.Detach(attachment);
        }

        return detach.Id == 0 ? null : new Ok();
    }

    private Ok? ResizeInline(Resize resize)
    {
        if (!_attachments.TryGetValue(resize.Channel, out var attachment))
        {
            throw new RequestException(ErrorCodes.UnknownChannel, $"no attachment on channel {resize.Channel}");
        }

        attachment.Session.ClientResized(attachment, resize.Columns, resize.Rows);
        return resize.Id == 0 ? null : new Ok();
    }

    private void DetachAll()
    {
        foreach (var attachment in _attachments.Values)
        {
            attachment.Session.Detach(attachment);
        }

        _attachments.Clear();
    }

    // Each round: the ordered items (messages, snapshots), then one quantum of every busy attachment, in one write.
    private void WriteLoop()
    {
        var ordered = new List<Outgoing>();
        var output = new FrameBatch();
        var batch = new FrameBatch();
        try
        {
            while (_outbox.Take(ordered, output))
            {
                foreach (var item in ordered)
                {
                    if (Resolve(item) is { } frame)
                    {
                        batch.Add(frame);
                    }
                }

                batch.Append(output);
                _socket.Send(batch.Span);
                ordered.Clear();
                output.Clear();
                batch.Clear();
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client is gone; its read loop ends too.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Error($"client {Peer}: sending failed: {e}; closing it");
        }
        finally
        {
            _outbox.Complete();
            _socket.Dispose();
        }
    }

    // What to actually send for an ordered item: output of a stalled attachment is dropped, a resync marker becomes a snapshot.
    private byte[]? Resolve(Outgoing item)
    {
        if (item.Attachment is not { } attachment)
        {
            return item.Frame;
        }

        if (item.Frame is { } output)
        {
            _outbox.Dequeued(attachment, output.Length - ProtocolInfo.HeaderBytes - 4);
            return attachment.Stalled || attachment.Closed ? null : output;
        }

        return attachment.Session.SnapshotFor(attachment);
    }

    // The handle is referenced for the call so a concurrent close cannot hand its fd number to another file meanwhile.
    private int SendNow(ReadOnlySpan<byte> data)
    {
        var handle = _socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Native.Posix.TrySend(handle.DangerousGetHandle(), data);
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _outbox.Complete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
