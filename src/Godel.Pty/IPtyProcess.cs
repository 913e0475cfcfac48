// The contract for a process running on a pseudo-terminal; the daemon and tests code against it.
namespace Godel.Pty;

/// <summary>What to start on a new pseudo-terminal.</summary>
public sealed record PtySpawnOptions
{
    public required string Program { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The child's whole environment; null inherits this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Null = this process's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    public int Columns { get; init; } = 80;
    public int Rows { get; init; } = 24;

    /// <summary>How long Dispose waits after SIGHUP before it sends SIGKILL to the process group.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>How a child ended: an exit code, or the signal that killed it.</summary>
public readonly record struct PtyExitStatus(int? ExitCode, int? Signal)
{
    public override string ToString() => Signal is { } s ? $"killed by signal {s}" : $"exited with code {ExitCode}";
}

/// <summary>A child process whose stdin/stdout/stderr is the slave side of a pseudo-terminal we own.</summary>
public interface IPtyProcess : IAsyncDisposable, IDisposable
{
    int ProcessId { get; }

    /// <summary>Reads what the child writes. Returns 0 at end of output (EIO on the master after the child exits).</summary>
    Stream Output { get; }

    /// <summary>
    /// Reads output only if some is already waiting, never blocking: bytes read, 0 at end of output, or -1 when nothing
    /// is waiting (a read of <see cref="Output"/> would block). Lets a reader drain a burst and act once before it sleeps.
    /// Where the platform cannot tell without blocking, it returns -1 and the caller simply reads <see cref="Output"/>.
    /// </summary>
    int ReadAvailable(Span<byte> buffer) => -1;

    /// <summary>Queues bytes for the child's input. Never blocks the caller, even when the child does not read.</summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Sets the window size; the child gets SIGWINCH.</summary>
    void Resize(int columns, int rows);

    /// <summary>Sends a signal (POSIX number) to the child's process group.</summary>
    void Signal(int signal);

    /// <summary>Completes when the child has been reaped.</summary>
    Task<PtyExitStatus> Exited { get; }

    /// <summary>The terminal's device name (e.g. /dev/pts/3); null where there is none (Windows ConPTY).</summary>
    string? TtyName => null;

    /// <summary>Input queued by Write that the child has not read yet.</summary>
    long PendingInputBytes => 0;
}
