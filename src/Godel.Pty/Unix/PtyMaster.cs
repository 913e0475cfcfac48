// Non-blocking reads and writes on the master that wait in poll() and wake up when the session is disposed.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

/// <summary>The outcome of waiting on the master.</summary>
internal enum PtyWait
{
    Ready,
    Closed,
    Interrupted,
}

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed unsafe class PtyMaster(FdHandle master, WakePipe closed)
{
    private readonly int _eAgain = UnixConstants.Current.EAgain;

    /// <summary>
    /// Reads what is available, waiting if nothing is. Returns bytes read, 0 at end of output (EIO:
    /// every slave descriptor is closed) or when disposed, -1 when <paramref name="interrupt"/> fired.
    /// </summary>
    internal int Read(Span<byte> buffer, WakePipe? interrupt)
    {
        if (buffer.IsEmpty)
            return 0;
        if (!master.TryAcquire())
            return 0;
        try
        {
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    var n = ReadOnce(p, buffer.Length);
                    if (n != -1)
                        return n;
                    var wait = Wait(UnixConstants.PollIn, interrupt);
                    if (wait == PtyWait.Closed)
                        return 0;
                    if (wait == PtyWait.Interrupted)
                        return -1;
                }
            }
        }
        finally
        {
            master.Release();
        }
    }

    /// <summary>One non-blocking read: bytes, 0 at end, or -1 when nothing is available yet.</summary>
    internal int TryRead(Span<byte> buffer)
    {
        if (!master.TryAcquire())
            return 0;
        try
        {
            fixed (byte* p = buffer)
            {
                return ReadOnce(p, buffer.Length);
            }
        }
        finally
        {
            master.Release();
        }
    }

    /// <summary>One read while the caller holds the master: bytes, 0 at end of output (EIO or any other error), -1 for EAGAIN.</summary>
    private int ReadOnce(byte* p, int length)
    {
        while (true)
        {
            var n = Libc.read(master.Fd, p, (nuint)length);
            if (n >= 0)
                return (int)n;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == UnixConstants.EIntr)
                continue;
            return errno == _eAgain ? -1 : 0; // EIO: the child side is gone; anything else also ends the stream.
        }
    }

    /// <summary>One non-blocking write: bytes written, 0 when the pty is full, -1 when it is gone.</summary>
    internal int TryWrite(ReadOnlySpan<byte> data)
    {
        if (!master.TryAcquire())
            return -1;
        try
        {
            fixed (byte* p = data)
            {
                while (true)
                {
                    var n = Libc.write(master.Fd, p, (nuint)data.Length);
                    if (n >= 0)
                        return (int)n;
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == UnixConstants.EIntr)
                        continue;
                    return errno == _eAgain ? 0 : -1;
                }
            }
        }
        finally
        {
            master.Release();
        }
    }

    /// <summary>Waits until the master is writable or the session is disposed.</summary>
    internal bool WaitWritable() => Wait(UnixConstants.PollOut, null) == PtyWait.Ready;

    private PtyWait Wait(short events, WakePipe? interrupt)
    {
        if (!closed.ReadEnd.TryAcquire())
            return PtyWait.Closed;
        var interruptHeld = interrupt is not null && interrupt.ReadEnd.TryAcquire();
        try
        {
            var fds = stackalloc PollFd[3];
            fds[0] = new PollFd { Fd = master.Fd, Events = events };
            fds[1] = new PollFd { Fd = closed.ReadEnd.Fd, Events = UnixConstants.PollIn };
            fds[2] = new PollFd { Fd = interruptHeld ? interrupt!.ReadEnd.Fd : -1, Events = UnixConstants.PollIn };
            while (true)
            {
                var rc = Libc.poll(fds, 3, -1);
                if (rc < 0 && Marshal.GetLastPInvokeError() == UnixConstants.EIntr)
                    continue;
                if (rc < 0 || fds[1].Revents != 0)
                    return PtyWait.Closed;
                if (fds[2].Revents != 0)
                    return PtyWait.Interrupted;
                // A hung-up master takes no more input; for reads, the next read drains what is left, then EIO.
                if (events == UnixConstants.PollOut && (fds[0].Revents & (UnixConstants.PollHup | UnixConstants.PollErr)) != 0)
                    return PtyWait.Closed;
                return PtyWait.Ready; // readable, writable, or hung up: the next read/write tells which.
            }
        }
        finally
        {
            if (interruptHeld)
                interrupt!.ReadEnd.Release();
            closed.ReadEnd.Release();
        }
    }
}
