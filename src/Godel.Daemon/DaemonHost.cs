// A running daemon: one per workspace (a lock file says so), its socket server, its agents, its state ticks.
using Godel.Daemon.Agents;
using Godel.Daemon.Native;
using Godel.Daemon.Server;
using Godel.Protocol;
using Godel.Protocol.Messages;

namespace Godel.Daemon;

public sealed class DaemonHost : IAsyncDisposable
{
    private readonly DaemonOptions _options;
    private readonly DaemonLog _log;
    private readonly AgentSupervisor _agents;
    private readonly FileStream _lock;
    private readonly CancellationTokenSource _ticking = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SocketServer _server = null!;
    private Task _tickLoop = Task.CompletedTask;
    private int _stopping;

    private DaemonHost(DaemonOptions options, DaemonLog log, FileStream lockFile)
    {
        _options = options;
        _log = log;
        _lock = lockFile;
        _agents = new AgentSupervisor(options, log);
    }

    public string SocketPath => new DaemonAddress(_options.Workspace, _options.SocketDirectory).SocketPath;

    /// <summary>Completes when the daemon has stopped (after a Shutdown request, SIGTERM, or <see cref="StopAsync"/>).</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Takes the workspace's daemon lock, restores previous agents as lost, and starts serving.</summary>
    public static DaemonHost Start(DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = new DaemonLog(options.LogWriter, options.Clock);
        Directory.CreateDirectory(options.StateDirectory);
        var lockFile = AcquireLock(Path.Combine(options.StateDirectory, "daemon.lock"));
        var host = new DaemonHost(options, log, lockFile);
        try
        {
            host.Begin();
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }

        return host;
    }

    // The lock is an open file with FileShare.None (.NET takes an advisory flock on Unix); the kernel drops it if we die.
    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new IOException("a daemon for this workspace is already running (`godel daemon status`)");
        }
    }

    private void Begin()
    {
        var address = new DaemonAddress(_options.Workspace, _options.SocketDirectory);
        address.EnsureSocketDirectory();
        _agents.LoadPrevious();
        var handler = new RequestHandler(_agents, _options, _options.Clock.GetUtcNow(), RequestShutdown);
        _server = SocketServer.Listen(address.SocketPath, handler, _log, _options.AllowedUid ?? Posix.GetEffectiveUserId());
        _agents.Changed += info => _server.Broadcast(new AgentStateChanged(info));
        File.WriteAllText(Path.Combine(_options.StateDirectory, "daemon.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _tickLoop = Task.Run(TickLoopAsync);
        _log.Info($"daemon {Environment.ProcessId} serving {_options.Workspace} on {address.SocketPath}");
        _log.Info(_options.Credentials.ProxyUrl is { } proxy ? $"agents' LLM proxy: {proxy}" : "no LLM proxy: agents get no proxy variables");
    }

    // Ticks every TickInterval while some agent needs it (silence and prompt detection of a running agent, an initial
    // prompt to type); while all are settled it sleeps until output, input, a hook or a spawn wakes it, so 16 idle
    // agents cost no timer wake-ups at all.
    private async Task TickLoopAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.TickInterval, _options.Clock, _ticking.Token).ConfigureAwait(false);
                _agents.Activity.Consume();
                if (!_agents.Tick())
                {
                    await _agents.Activity.WaitAsync(_ticking.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Starts a graceful stop in the background; returns the agents about to be ended.</summary>
    public IReadOnlyList<string> RequestShutdown(int? graceSeconds)
    {
        var names = _agents.LiveNames();
        _ = StopAsync(graceSeconds);
        return names;
    }

    /// <summary>Ends every agent gracefully (grace, then kill), closes the socket, releases the lock.</summary>
    public async Task StopAsync(int? graceSeconds = null)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await Completion.ConfigureAwait(false);
            return;
        }

        try
        {
            var grace = graceSeconds ?? _options.Config.Daemon.StopGraceSeconds;
            _log.Info($"stopping: ending {string.Join(", ", _agents.LiveNames())} (grace {grace}s)");
            await _agents.StopAllAsync(grace).ConfigureAwait(false);
            await Task.Delay(100).ConfigureAwait(false); // let the shutdown reply and the exit notices reach clients
            await _ticking.CancelAsync().ConfigureAwait(false);
            await _tickLoop.ConfigureAwait(false);
            await _server.DisposeAsync().ConfigureAwait(false);
            File.Delete(SocketPath);
            _agents.Dispose();
            _log.Info("stopped");
        }
        finally
        {
            await _lock.DisposeAsync().ConfigureAwait(false);
            _ticking.Dispose();
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
