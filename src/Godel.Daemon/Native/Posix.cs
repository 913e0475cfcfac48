// The few libc calls the daemon needs: effective uid, peer credentials, setsid, dup2, kill, a non-blocking send.
using System.Runtime.InteropServices;

namespace Godel.Daemon.Native;

internal static partial class Posix
{
    public const int SigHup = 1;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private const int SolSocketLinux = 1;
    private const int SoPeerCredLinux = 17;

    [StructLayout(LayoutKind.Sequential)]
    private struct UCred
    {
        public int Pid;
        public uint Uid;
        public uint Gid;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    private static partial int GetSockOpt(nint socket, int level, int option, out UCred value, ref uint length);

    [LibraryImport("libc", EntryPoint = "getpeereid", SetLastError = true)]
    private static partial int GetPeerEid(nint socket, out uint uid, out uint gid);

    /// <summary>The uid (and pid where known, else 0) of the process at the other end of a connected Unix socket.</summary>
    public static (uint Uid, int Pid) PeerCredentials(nint socket)
    {
        if (OperatingSystem.IsLinux())
        {
            var length = (uint)Marshal.SizeOf<UCred>();
            if (GetSockOpt(socket, SolSocketLinux, SoPeerCredLinux, out var cred, ref length) != 0)
            {
                throw new IOException($"getsockopt(SO_PEERCRED) failed: errno {Marshal.GetLastPInvokeError()}");
            }

            return (cred.Uid, cred.Pid);
        }

        if (GetPeerEid(socket, out var uid, out _) != 0)
        {
            throw new IOException($"getpeereid failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (uid, 0);
    }

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(nint socket, ReadOnlySpan<byte> buffer, nint length, int flags);

    /// <summary>Sends without ever blocking: the bytes sent, 0 when the socket's buffer is full, -1 when the connection is broken.</summary>
    public static int TrySend(nint socket, ReadOnlySpan<byte> data)
    {
        // MSG_DONTWAIT | MSG_NOSIGNAL on Linux; MSG_DONTWAIT on macOS (where SIGPIPE is ignored by the runtime).
        var flags = OperatingSystem.IsLinux() ? 0x40 | 0x4000 : 0x80;
        var wouldBlock = OperatingSystem.IsLinux() ? 11 : 35;
        while (true)
        {
            var sent = Send(socket, data, data.Length, flags);
            if (sent >= 0)
            {
                return (int)sent;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == wouldBlock)
            {
                return 0;
            }

            if (errno != 4 /* EINTR */)
            {
                return -1;
            }
        }
    }

    /// <summary>True when a process with this pid exists (signal 0 probes without sending).</summary>
    public static bool IsAlive(int pid) => pid > 0 && (Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: exists, not ours */);
}
