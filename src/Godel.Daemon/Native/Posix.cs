// The few libc calls the daemon needs: effective uid, peer credentials, setsid, dup2, kill.
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

    /// <summary>True when a process with this pid exists (signal 0 probes without sending).</summary>
    public static bool IsAlive(int pid) => pid > 0 && (Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: exists, not ours */);
}
