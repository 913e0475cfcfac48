// A child on a Unix pseudo-terminal: owns the master, the reaper, the write queue and the output stream.
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class UnixPtyProcess : IPtyProcess
{
    private readonly UnixPseudoTerminal _pty;
    private readonly WakePipe _closing = new();
    private readonly ChildReaper _reaper;
    private readonly PtyWriteQueue _input;
    private readonly PtyOutputStream _output;
    private readonly TimeSpan _grace;
    private int _disposed;

    private UnixPtyProcess(UnixPseudoTerminal pty, int pid, TimeSpan grace)
    {
        _pty = pty;
        _grace = grace;
        ProcessId = pid;
        var master = new PtyMaster(pty.Master, _closing);
        _input = new PtyWriteQueue(master, $"godel-pty-write-{pid}");
        _output = new PtyOutputStream(master, $"godel-pty-read-{pid}");
        // Closing our slave once the child is reaped lets the master report end of output (EIO).
        _reaper = new ChildReaper(pid, pty.Slave.Dispose);
    }

    /// <summary>
    /// Starts the child. <paramref name="trampolineHost"/> is the executable that runs
    /// <see cref="PtyTrampoline"/> (macOS always uses one: itself); null on Linux spawns directly.
    /// </summary>
    internal static UnixPtyProcess Start(PtySpawnOptions options, IReadOnlyList<string>? trampolineHost = null)
    {
        var command = SpawnCommand.Build(options);
        if (trampolineHost is null && OperatingSystem.IsMacOS())
            trampolineHost = PtyTrampoline.SelfHost();
        var pty = UnixPseudoTerminal.Open(options.Columns, options.Rows);
        try
        {
            var pid = trampolineHost is not null
                ? PosixSpawner.SpawnTrampoline(PtyTrampoline.Wrap(command, trampolineHost), pty.SlavePath)
                : PosixSpawner.SpawnLinux(command, pty.SlavePath);
            return new UnixPtyProcess(pty, pid, options.KillGracePeriod);
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    public int ProcessId { get; }

    public string? TtyName => _pty.SlavePath;

    public Stream Output => _output;

    public int ReadAvailable(Span<byte> buffer) => _output.ReadAvailable(buffer);

    public Task<PtyExitStatus> Exited => _reaper.Exited;

    public long PendingInputBytes => _input.PendingBytes;

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _input.Enqueue(data);
    }

    public void Resize(int columns, int rows)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_pty.Master.TryAcquire())
            return;
        try
        {
            // The kernel sends SIGWINCH to the terminal's foreground process group when the size changes.
            _ = UnixFd.SetWindowSize(_pty.Master.Fd, columns, rows);
        }
        finally
        {
            _pty.Master.Release();
        }
    }

    public void Signal(int signal)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _reaper.SignalGroup(signal);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        var c = UnixConstants.Current;
        if (!Exited.IsCompleted)
        {
            _reaper.SignalGroup(c.SigHup);
            if (!Exited.Wait(_grace))
            {
                _reaper.SignalGroup(c.SigKill);
                _ = Exited.Wait(TimeSpan.FromSeconds(10));
            }
        }
        Release();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        var c = UnixConstants.Current;
        if (!Exited.IsCompleted)
        {
            _reaper.SignalGroup(c.SigHup);
            if (!await WaitExitedAsync(_grace).ConfigureAwait(false))
            {
                _reaper.SignalGroup(c.SigKill);
                _ = await WaitExitedAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        Release();
    }

    private async Task<bool> WaitExitedAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(Exited, Task.Delay(timeout)).ConfigureAwait(false);
        return done == Exited;
    }

    // Wakes every thread waiting in poll(), then closes descriptors (deferred while a call still uses them).
    private void Release()
    {
        _closing.Signal();
        _input.Stop();
        _output.Shutdown();
        _pty.Dispose();
        _closing.Dispose();
    }
}
