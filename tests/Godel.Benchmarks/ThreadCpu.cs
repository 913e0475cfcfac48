// CPU time used by the calling thread (Linux/macOS), so a figure can be quoted per CPU second, immune to run-queue waits.
using System.Runtime.InteropServices;

namespace Godel.Benchmarks;

internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeIdLinux = 3;
    private const int ClockThreadCpuTimeIdMac = 16;

    /// <summary>Seconds of CPU this thread has used, or NaN where the clock is not available.</summary>
    public static double Seconds()
    {
        if (OperatingSystem.IsWindows()) return double.NaN;
        var id = OperatingSystem.IsMacOS() ? ClockThreadCpuTimeIdMac : ClockThreadCpuTimeIdLinux;
        return ClockGetTime(id, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds / 1e9) : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec ts);
}
