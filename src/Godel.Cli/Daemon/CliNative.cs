// libc calls the CLI needs: detaching the daemon (setsid, dup2) and the local terminal for attach (termios, window size).
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Godel.Cli.Daemon;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static partial class CliNative
{
    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int when, byte[] termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte[] termios);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, out WinSize size);

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    /// <summary>termios is 60 bytes on Linux and 72 on macOS; a bigger buffer is safe for both.</summary>
    public const int TermiosBytes = 256;

    public const int TcsaNow = 0;

    /// <summary>The window size of a terminal file descriptor, or null when it is not a terminal.</summary>
    public static (int Columns, int Rows)? WindowSize(int fd)
    {
        var request = OperatingSystem.IsMacOS() ? (nuint)0x40087468 : 0x5413;
        return Ioctl(fd, request, out var size) == 0 && size.Columns > 0 && size.Rows > 0 ? (size.Columns, size.Rows) : null;
    }
}
