// A self-pipe that wakes threads blocked in poll(): once signalled it stays readable (or is drained by its one waiter).
using System.Runtime.Versioning;

namespace Godel.Pty.Native;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed unsafe class WakePipe : IDisposable
{
    private readonly FdHandle _read;
    private readonly FdHandle _write;

    internal WakePipe()
    {
        var c = UnixConstants.Current;
        var fds = stackalloc int[2];
        var rc = c.IsDarwin ? Libc.pipe(fds) : Libc.pipe2(fds, c.OCloExec | c.ONonBlock);
        if (rc != 0)
            throw PtyErrors.FromErrno("pipe");
        if (c.IsDarwin)
        {
            UnixFd.SetCloseOnExec(fds[0]);
            UnixFd.SetCloseOnExec(fds[1]);
            UnixFd.SetNonBlocking(fds[0]);
            UnixFd.SetNonBlocking(fds[1]);
        }
        _read = new FdHandle(fds[0]);
        _write = new FdHandle(fds[1]);
    }

    /// <summary>The end to poll for POLLIN.</summary>
    internal FdHandle ReadEnd => _read;

    /// <summary>Makes the read end readable (non-blocking; a full pipe is already readable).</summary>
    internal void Signal()
    {
        if (!_write.TryAcquire())
            return;
        try
        {
            byte b = 1;
            _ = Libc.write(_write.Fd, &b, 1);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Empties the pipe so the next poll blocks again.</summary>
    internal void Drain()
    {
        if (!_read.TryAcquire())
            return;
        try
        {
            var buf = stackalloc byte[64];
            while (Libc.read(_read.Fd, buf, 64) > 0)
            {
            }
        }
        finally
        {
            _read.Release();
        }
    }

    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
    }
}
