// Entry point: starts a process on a new pseudo-terminal with the running OS's mechanism.
namespace Godel.Pty;

public static class PtyProcess
{
    /// <summary>
    /// Linux: posix_spawn with SETSID and the pts as fd 0/1/2. macOS: the same through a re-exec
    /// trampoline (TIOCSCTTY). Windows: ConPTY. Throws <see cref="PtySpawnException"/> on failure.
    /// </summary>
    public static IPtyProcess Spawn(PtySpawnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            return Unix.UnixPtyProcess.Start(options);
        if (OperatingSystem.IsWindows())
            return Windows.ConPtyProcess.Start(options);
        throw new PlatformNotSupportedException("Godel's pseudo-terminals run on Linux, macOS and Windows only.");
    }
}
