// Puts the local terminal in raw mode and always puts it back (dispose), also after errors.
using System.Runtime.Versioning;
using Godel.Cli.Daemon;

namespace Godel.Cli.Attach;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class RawTerminal : IDisposable
{
    private readonly int _fd;
    private readonly byte[] _saved;
    private int _restored;

    private RawTerminal(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
    }

    /// <summary>Raw mode on <paramref name="fd"/>; null when it is not a terminal.</summary>
    public static RawTerminal? Enter(int fd)
    {
        var saved = new byte[CliNative.TermiosBytes];
        if (CliNative.IsATty(fd) != 1 || CliNative.TcGetAttr(fd, saved) != 0)
        {
            return null;
        }

        var raw = (byte[])saved.Clone();
        CliNative.CfMakeRaw(raw);
        return CliNative.TcSetAttr(fd, CliNative.TcsaNow, raw) == 0 ? new RawTerminal(fd, saved) : null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            _ = CliNative.TcSetAttr(_fd, CliNative.TcsaNow, _saved);
        }
    }
}
