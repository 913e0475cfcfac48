// Opens a master/slave pseudo-terminal pair, configured (termios, window size) before any child sees it.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed unsafe class UnixPseudoTerminal : IDisposable
{
    // ptsname (macOS) returns a static buffer; this lock makes it safe between our own threads.
    private static readonly Lock PtsNameLock = new();

    private UnixPseudoTerminal(FdHandle master, FdHandle slave, string slavePath)
    {
        Master = master;
        Slave = slave;
        SlavePath = slavePath;
    }

    /// <summary>The master side, non-blocking and close-on-exec.</summary>
    internal FdHandle Master { get; }

    /// <summary>
    /// Our own handle on the slave (O_NOCTTY, close-on-exec). Held until the child is reaped so the
    /// master never reports end of output before the child has opened its side.
    /// </summary>
    internal FdHandle Slave { get; }

    /// <summary>The pts path, e.g. /dev/pts/7.</summary>
    internal string SlavePath { get; }

    internal static UnixPseudoTerminal Open(int columns, int rows)
    {
        var c = UnixConstants.Current;
        var masterFd = Libc.posix_openpt(c.IsDarwin ? c.ORdWr | c.ONoCtty : c.ORdWr | c.ONoCtty | c.OCloExec);
        if (masterFd < 0)
            throw PtyErrors.FromErrno("posix_openpt");
        var master = new FdHandle(masterFd);
        try
        {
            if (c.IsDarwin)
                UnixFd.SetCloseOnExec(masterFd);
            if (Libc.grantpt(masterFd) != 0)
                throw PtyErrors.FromErrno("grantpt");
            if (Libc.unlockpt(masterFd) != 0)
                throw PtyErrors.FromErrno("unlockpt");
            var path = SlaveName(masterFd, c);
            var slaveFd = Libc.open(path, c.IsDarwin ? c.ORdWr | c.ONoCtty : c.ORdWr | c.ONoCtty | c.OCloExec);
            if (slaveFd < 0)
                throw PtyErrors.FromErrno($"open {path}");
            var slave = new FdHandle(slaveFd);
            try
            {
                if (c.IsDarwin)
                    UnixFd.SetCloseOnExec(slaveFd);
                Termios.ApplySaneDefaults(slaveFd);
                if (!UnixFd.SetWindowSize(masterFd, columns, rows))
                    throw PtyErrors.FromErrno("ioctl(TIOCSWINSZ)");
                UnixFd.SetNonBlocking(masterFd);
                return new UnixPseudoTerminal(master, slave, path);
            }
            catch
            {
                slave.Dispose();
                throw;
            }
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    private static string SlaveName(int masterFd, UnixConstants c)
    {
        if (c.IsDarwin)
        {
            lock (PtsNameLock)
            {
                var p = Libc.ptsname(masterFd);
                if (p == null)
                    throw PtyErrors.FromErrno("ptsname");
                return Marshal.PtrToStringUTF8((IntPtr)p)!;
            }
        }
        var buf = stackalloc byte[128];
        var rc = Libc.ptsname_r(masterFd, buf, 128);
        if (rc != 0)
            throw PtyErrors.FromCode("ptsname_r", rc);
        return Marshal.PtrToStringUTF8((IntPtr)buf)!;
    }

    public void Dispose()
    {
        Slave.Dispose();
        Master.Dispose();
    }
}
