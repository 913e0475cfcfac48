// Lowers the calling thread's CPU priority (Linux nice), so background writing yields to request handling.
using System.Runtime.InteropServices;

namespace Godel.Proxy.Store;

internal static partial class WriterThread
{
    /// <summary>nice +10: under contention the thread gets roughly a tenth of a nice-0 thread's share.</summary>
    private const int Niceness = 10;

    /// <summary>Best effort: on Linux `setpriority` applies to one thread (its tid); elsewhere nothing happens.</summary>
    public static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = SetPriority(0, GetTid(), Niceness);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // An unusual libc: the writer simply runs at normal priority.
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
