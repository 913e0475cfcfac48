// P/Invoke declarations for the libc calls the Unix pseudo-terminal needs (Linux and macOS).
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Godel.Pty.Native;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static unsafe partial class Libc
{
    // "libc" is resolved per platform by LibcResolver (libc.so.6 on Linux, libSystem on macOS).
    private const string Lib = "libc";

    static Libc() => LibcResolver.EnsureRegistered();

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int posix_openpt(int flags);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int grantpt(int fd);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int unlockpt(int fd);

    /// <summary>glibc only; returns an error number (not errno).</summary>
    [LibraryImport(Lib)]
    internal static partial int ptsname_r(int fd, byte* buf, nuint buflen);

    /// <summary>macOS has no ptsname_r before 13.4; ptsname is safe here because callers hold a lock.</summary>
    [LibraryImport(Lib, SetLastError = true)]
    internal static partial byte* ptsname(int fd);

    /// <summary>Two-argument open: never used with O_CREAT, so the variadic mode is never read.</summary>
    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint read(int fd, byte* buf, nuint count);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int poll(PollFd* fds, nuint nfds, int timeout);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int pipe(int* fds);

    /// <summary>Linux only (macOS has no pipe2).</summary>
    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int pipe2(int* fds, int flags);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    /// <summary>ioctl with one pointer argument, for ABIs that pass variadic arguments in registers (Linux).</summary>
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int ioctl(int fd, nuint request, void* arg);

    /// <summary>
    /// ioctl for Apple arm64, where variadic arguments go on the stack: eight register slots are
    /// filled with padding so the ninth (the real argument) lands where va_arg reads it.
    /// </summary>
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int ioctl_stack(int fd, nuint request, nint r2, nint r3, nint r4, nint r5, nint r6, nint r7, void* arg);

    /// <summary>fcntl with an int argument (Linux ABI); see ioctl_stack for Apple arm64.</summary>
    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int fcntl(int fd, int cmd, nint arg);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int fcntl_stack(int fd, int cmd, nint r2, nint r3, nint r4, nint r5, nint r6, nint r7, nint arg);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int waitid(int idtype, int id, byte* siginfo, int options);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int access(string path, int mode);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int setsid();

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int getsid(int pid);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int dup2(int oldfd, int newfd);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int execve(byte* path, byte** argv, byte** envp);

    // posix_spawn family: these return an error number instead of setting errno.
    [LibraryImport(Lib)]
    internal static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Lib)]
    internal static partial int posix_spawnattr_init(void* attr);

    [LibraryImport(Lib)]
    internal static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport(Lib)]
    internal static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport(Lib)]
    internal static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

    [LibraryImport(Lib)]
    internal static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_addopen(void* actions, int fd, byte* path, int flags, int mode);

    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newfd);

    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_addchdir_np(void* actions, byte* path);

    /// <summary>glibc 2.34+: closes every descriptor from <paramref name="from"/> up in the child.</summary>
    [LibraryImport(Lib)]
    internal static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int from);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int sigemptyset(void* set);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint signal(int signum, nint handler);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int sigprocmask(int how, void* set, void* oldset);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int sigfillset(void* set);
}

/// <summary>struct pollfd (same layout on Linux and macOS).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short Revents;
}

/// <summary>struct winsize (same layout on Linux and macOS).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WinSize
{
    public ushort Rows;
    public ushort Columns;
    public ushort XPixels;
    public ushort YPixels;
}
