// Listens on the workspace's Unix socket (0600 in a 0700 folder), checks each peer's uid, serves each client.
using System.Collections.Concurrent;
using System.Net.Sockets;
using Godel.Daemon.Native;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Server;

internal sealed class SocketServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly RequestHandler _handler;
    private readonly DaemonLog _log;
    private readonly uint _allowedUid;
    private readonly ConcurrentDictionary<ClientConnection, Task> _clients = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _nextClient;

    private SocketServer(Socket listener, RequestHandler handler, DaemonLog log, uint allowedUid)
    {
        _listener = listener;
        _handler = handler;
        _log = log;
        _allowedUid = allowedUid;
    }

    /// <summary>Binds the socket, replacing a stale one left by a dead daemon; fails if a live daemon answers there.</summary>
    public static SocketServer Listen(string socketPath, RequestHandler handler, DaemonLog log, uint allowedUid)
    {
        if (File.Exists(socketPath))
        {
            if (Answers(socketPath))
            {
                throw new IOException($"a daemon is already listening on {socketPath}");
            }

            File.Delete(socketPath);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        listener.Listen(64);
        var server = new SocketServer(listener, handler, log, allowedUid);
        server._acceptLoop = Task.Run(server.AcceptLoopAsync);
        return server;
    }

    private static bool Answers(string socketPath)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Broadcast(Message message)
    {
        foreach (var client in _clients.Keys)
        {
            client.Push(message);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Admit(socket);
        }
    }

    private void Admit(Socket socket)
    {
        var id = Interlocked.Increment(ref _nextClient);
        uint uid;
        int pid;
        try
        {
            (uid, pid) = Posix.PeerCredentials(socket.Handle);
        }
        catch (IOException e)
        {
            _log.Warn($"client #{id}: cannot read peer credentials ({e.Message}); refused");
            socket.Dispose();
            return;
        }

        if (PeerCheck.Refusal(uid, pid, _allowedUid) is { } refusal)
        {
            _log.Warn($"client #{id}: {refusal}");
            socket.Dispose();
            return;
        }

        var client = new ClientConnection(socket, _handler, _log, $"#{id} (pid {pid})");
        _clients[client] = Task.Run(async () =>
        {
            await client.RunAsync(_stopping.Token).ConfigureAwait(false);
            _clients.TryRemove(client, out _);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var client in _clients.Keys)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAny(Task.WhenAll(_clients.Values), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
