// A child on a Windows pseudo-console (ConPTY).
namespace Godel.Pty.Windows;

internal static class ConPtyProcess
{
    internal static IPtyProcess Start(PtySpawnOptions options) =>
        throw new PlatformNotSupportedException("ConPTY support is being written.");
}
