// One connected client: handshake, a read loop that dispatches requests and keystrokes, and a writer that
// never makes the PTY reader wait (an unbounded queue whose output is dropped for a snapshot when it grows too long).
using System.Net.Sockets;
using System.Threading.Channels;
using Godel.Daemon.Sessions;
using Godel.Protocol;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Server;

internal sealed class ClientConnection : IOutgoingQueue, IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly RequestHandler _handler;
    private readonly DaemonLog _log;
    private readonly Channel<Outgoing> _queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<uint, Attachment> _attachments = [];
    private uint _nextChannel;

    public ClientConnection(Socket socket, RequestHandler handler, DaemonLog log, string peer)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _handler = handler;
        _log = log;
        Peer = peer;
    }

    public string Peer { get; }

    /// <summary>True once the handshake succeeded; only then does the client get pushed messages.</summary>
    public bool Welcomed { get; private set; }

    public void Enqueue(Outgoing item) => _queue.Writer.TryWrite(item);

    public void Push(Message message)
    {
        if (Welcomed)
        {
            Enqueue(Outgoing.Message(FrameEncoder.Message(message)));
        }
    }

    /// <summary>Serves the client until it leaves or breaks the protocol; never throws.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writer = Task.Run(() => WriteLoopAsync(cancellationToken), cancellationToken);
        try
        {
            var reader = new FrameReader(_stream);
            if (await HandshakeAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
                {
                    Dispatch(frame);
                }
            }
        }
        catch (ProtocolException e)
        {
            _log.Warn($"client {Peer}: {e.Message}; closing it");
            Enqueue(Outgoing.Message(FrameEncoder.Message(new Error(ErrorCodes.MalformedFrame, e.Message))));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        DetachAll();
        _queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task<bool> HandshakeAsync(FrameReader reader, CancellationToken cancellationToken)
    {
        var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
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
            Enqueue(Outgoing.Message(FrameEncoder.Message(new Error(ErrorCodes.VersionMismatch, text) { Id = hello.Id })));
            return false;
        }

        Enqueue(Outgoing.Message(FrameEncoder.Message(_handler.Welcome() with { Id = hello.Id })));
        Welcomed = true;
        return true;
    }

    private void Dispatch(Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Message:
                var message = FrameDecoder.Message(frame.Payload.Span);
                _ = HandleAsync(message);
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

    // Requests run concurrently (a slow stop must not hold up keystrokes); attach/detach/resize run inline to keep their order.
    private async Task HandleAsync(Message message)
    {
        Message? reply;
        try
        {
            reply = message switch
            {
                Attach attach => AttachInline(attach),
                Detach detach => DetachInline(detach),
                Resize resize => ResizeInline(resize),
                _ => await _handler.HandleAsync(message, this).ConfigureAwait(false),
            };
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

        if (reply is not null && message.Id != 0)
        {
            Enqueue(Outgoing.Message(FrameEncoder.Message(reply with { Id = message.Id })));
        }
    }

    private Message? AttachInline(Attach attach)
    {
        var channel = ++_nextChannel;
        var attachment = _handler.Attach(attach, this, channel, info =>
            Enqueue(Outgoing.Message(FrameEncoder.Message(new Attached(attach.Name, channel, info) { Id = attach.Id }))));
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

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var frame = Resolve(item);
                if (frame is not null)
                {
                    await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone; its read loop ends too.
        }
        finally
        {
            _socket.Dispose();
        }
    }

    // What to actually send for a queued item: output of a stalled attachment is dropped, a resync marker becomes a snapshot.
    private static byte[]? Resolve(Outgoing item)
    {
        if (item.Attachment is not { } attachment)
        {
            return item.Frame;
        }

        if (item.Frame is { } output)
        {
            attachment.Dequeued(output.Length);
            return attachment.Stalled || attachment.Closed ? null : output;
        }

        return attachment.Session.SnapshotFor(attachment);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
