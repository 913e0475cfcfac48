// A connection to a workspace's daemon: handshake, request/reply by id, pushed messages, attached channels.
using System.Collections.Concurrent;
using System.Net.Sockets;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Protocol.Client;

public sealed class DaemonClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<Message>> _pending = new();
    private readonly ConcurrentDictionary<int, ITerminalSink> _sinksByRequest = new();
    private readonly ConcurrentDictionary<uint, ITerminalSink> _sinks = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _readLoop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private DaemonClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>The daemon's answer to the handshake.</summary>
    public Welcome Welcome { get; private set; } = null!;

    /// <summary>Messages the daemon pushes (id 0), e.g. <see cref="AgentStateChanged"/>. Raised on the reader thread.</summary>
    public event Action<Message>? Pushed;

    /// <summary>Raised once when the connection ends, with the reason (null = closed cleanly).</summary>
    public event Action<Exception?>? Closed;

    /// <summary>Completes when the connection has ended.</summary>
    public Task Completion => _readLoop.Task;

    /// <summary>Connects and performs the handshake. Throws <see cref="DaemonErrorException"/> on a version mismatch.</summary>
    public static async Task<DaemonClient> ConnectAsync(string socketPath, string clientName, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new DaemonClient(socket);
        try
        {
            await client.HandshakeAsync(clientName, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    private async Task HandshakeAsync(string clientName, CancellationToken cancellationToken)
    {
        var reader = new FrameReader(_stream);
        var hello = new Hello(ProtocolInfo.Version, clientName, typeof(DaemonClient).Assembly.GetName().Version?.ToString() ?? "0", Environment.ProcessId);
        await _stream.WriteAsync(FrameEncoder.Message(hello), cancellationToken).ConfigureAwait(false);
        var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ProtocolException("the daemon closed the connection during the handshake");
        var reply = frame.Kind == FrameKind.Message ? FrameDecoder.Message(frame.Payload.Span) : null;
        Welcome = reply switch
        {
            Welcome w => w,
            Error e => throw new DaemonErrorException(e.Code, e.Message),
            _ => throw new ProtocolException("the daemon did not answer the handshake with a welcome"),
        };
        // A dedicated thread, not the thread pool: an echo must not queue behind other work in a busy process.
        // The handshake reader read exactly one frame, so nothing is lost switching to a buffered reader.
        new Thread(() => ReadLoop(new BufferedFrameReader(_stream))) { IsBackground = true, Name = "daemon-client-reader" }.Start();
    }

    /// <summary>Sends a request and waits for its reply; an <see cref="Error"/> reply throws <see cref="DaemonErrorException"/>.</summary>
    public async Task<TReply> RequestAsync<TReply>(Message request, CancellationToken cancellationToken = default)
        where TReply : Message
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await SendRequestAsync(request, null, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            TReply r => r,
            Error e => throw new DaemonErrorException(e.Code, e.Message),
            _ => throw new ProtocolException($"expected a {typeof(TReply).Name} reply, got {reply.GetType().Name}"),
        };
    }

    /// <summary>Attaches to an agent; the sink is bound before any frame of the channel can arrive.</summary>
    public async Task<Attached> AttachAsync(Attach request, ITerminalSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await SendRequestAsync(request, sink, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            Attached a => a,
            Error e => throw new DaemonErrorException(e.Code, e.Message),
            _ => throw new ProtocolException($"expected an attached reply, got {reply.GetType().Name}"),
        };
    }

    /// <summary>Types bytes into an attached channel (fire and forget, ordered; sent before this returns).</summary>
    public Task SendInputAsync(uint channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        WriteFrameAsync(FrameEncoder.Terminal(FrameKind.Input, channel, data.Span), cancellationToken);

    /// <summary>Sends a message that has no reply (Resize, Detach).</summary>
    public Task SendAsync(Message message, CancellationToken cancellationToken = default) =>
        WriteFrameAsync(FrameEncoder.Message(message), cancellationToken);

    /// <summary>Stops routing a channel's frames to its sink.</summary>
    public async Task DetachAsync(uint channel, CancellationToken cancellationToken = default)
    {
        _sinks.TryRemove(channel, out _);
        await SendAsync(new Detach(channel), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Message> SendRequestAsync(Message request, ITerminalSink? sink, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var waiter = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        if (sink is not null)
        {
            _sinksByRequest[id] = sink;
        }

        try
        {
            await WriteFrameAsync(FrameEncoder.Message(request with { Id = id }), cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
            _sinksByRequest.TryRemove(id, out _);
        }
    }

    // A synchronous send on the caller's thread: frames are small and the daemon always reads, so this does not
    // block in practice, and a keystroke goes out without waiting for a scheduler.
    private Task WriteFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            lock (_writeLock)
            {
                _socket.Send(frame);
            }
        }
        catch (SocketException e)
        {
            return Task.FromException(new IOException("the connection to the daemon closed", e));
        }
        catch (ObjectDisposedException e)
        {
            return Task.FromException(new IOException("the connection to the daemon closed", e));
        }

        return Task.CompletedTask;
    }

    private void ReadLoop(BufferedFrameReader reader)
    {
        Exception? reason = null;
        try
        {
            while (reader.Read() is { } frame)
            {
                Dispatch(frame);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A thread of our own: anything escaping would end the process, so every failure just ends the connection.
            reason = _closing.IsCancellationRequested ? null : e;
        }

        var closed = new IOException("the connection to the daemon closed", reason);
        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(closed);
        }

        Closed?.Invoke(reason);
        _readLoop.TrySetResult();
    }

    private void Dispatch(Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Message:
                DispatchMessage(FrameDecoder.Message(frame.Payload.Span));
                break;
            case FrameKind.Output:
                var chunk = FrameDecoder.Terminal(frame.Payload.Span);
                if (_sinks.TryGetValue(chunk.Channel, out var sink))
                {
                    sink.OnOutput(chunk.Data);
                }

                break;
            case FrameKind.Snapshot:
                var snapshot = FrameDecoder.Snapshot(frame.Payload.Span);
                if (_sinks.TryGetValue(snapshot.Channel, out var target))
                {
                    target.OnSnapshot(snapshot.Columns, snapshot.Rows, snapshot.Screen);
                }

                break;
            default:
                throw new ProtocolException($"the daemon sent a {frame.Kind} frame, which only clients send");
        }
    }

    private void DispatchMessage(Message message)
    {
        if (message.Id == 0)
        {
            Pushed?.Invoke(message);
            return;
        }

        // Bind the channel here, on the read loop, so the snapshot that follows finds its sink.
        if (message is Attached attached && _sinksByRequest.TryGetValue(message.Id, out var sink))
        {
            _sinks[attached.Channel] = sink;
        }

        if (_pending.TryGetValue(message.Id, out var waiter))
        {
            waiter.TrySetResult(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        if (Welcome is null)
        {
            _readLoop.TrySetResult(); // the handshake failed: the reader thread never started
        }
        else
        {
            await _readLoop.Task.ConfigureAwait(false);
        }

        _closing.Dispose();
    }
}
