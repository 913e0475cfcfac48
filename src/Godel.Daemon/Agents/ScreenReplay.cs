// Rebuilds an agent's last screen by feeding its raw log files through a fresh emulator.
using Godel.Terminal;

namespace Godel.Daemon.Agents;

internal static class ScreenReplay
{
    public static ITerminalEmulator Replay(IReadOnlyList<string> files, ITerminalEmulator fresh)
    {
        var buffer = new byte[64 * 1024];
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                fresh.Feed(buffer.AsSpan(0, n));
            }
        }

        return fresh;
    }
}
