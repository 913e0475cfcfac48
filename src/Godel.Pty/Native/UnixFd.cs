// Small descriptor helpers: flags via fcntl and the window size via ioctl, with the Apple arm64 variadic quirk handled.
using System.Runtime.Versioning;

namespace Godel.Pty.Native;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static unsafe class UnixFd
{
    private const int FSetFd = 2;
    private const int FdCloExec = 1;

    internal static void SetNonBlocking(int fd)
    {
        var c = UnixConstants.Current;
        var flags = Fcntl(fd, c.FGetFl, 0);
        if (flags < 0 || Fcntl(fd, c.FSetFl, flags | c.ONonBlock) < 0)
            throw PtyErrors.FromErrno("fcntl(O_NONBLOCK)");
    }

    internal static void SetCloseOnExec(int fd)
    {
        if (Fcntl(fd, FSetFd, FdCloExec) < 0)
            throw PtyErrors.FromErrno("fcntl(FD_CLOEXEC)");
    }

    /// <summary>TIOCSWINSZ; returns false (errno set) on failure.</summary>
    internal static bool SetWindowSize(int fd, int columns, int rows)
    {
        var ws = new WinSize { Columns = Clamp(columns), Rows = Clamp(rows) };
        return Ioctl(fd, UnixConstants.Current.TiocSWinSz, &ws) == 0;
    }

    internal static int Ioctl(int fd, nuint request, void* arg) =>
        UnixConstants.Current.VariadicOnStack
            ? Libc.ioctl_stack(fd, request, 0, 0, 0, 0, 0, 0, arg)
            : Libc.ioctl(fd, request, arg);

    private static int Fcntl(int fd, int cmd, nint arg) =>
        UnixConstants.Current.VariadicOnStack
            ? Libc.fcntl_stack(fd, cmd, 0, 0, 0, 0, 0, 0, arg)
            : Libc.fcntl(fd, cmd, arg);

    /// <summary>Window sizes are clamped to what struct winsize can hold; 0 would confuse programs.</summary>
    private static ushort Clamp(int value) => (ushort)Math.Clamp(value, 1, ushort.MaxValue);
}
