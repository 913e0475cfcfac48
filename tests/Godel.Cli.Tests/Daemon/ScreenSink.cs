// A client-side copy of an agent's screen fed by a DaemonClient attachment.
using Godel.Protocol.Client;
using Godel.Terminal;

namespace Godel.Cli.Tests.Daemon;

internal sealed class ScreenSink : ITerminalSink
{
    private readonly Lock _gate = new();
    private TerminalEmulator? _screen;

    public void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen)
    {
        lock (_gate)
        {
            _screen = new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows });
            _screen.Feed(screen);
        }
    }

    public void OnOutput(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _screen?.Feed(data);
        }
    }

    public string? Styled()
    {
        lock (_gate)
        {
            return _screen?.Capture(new CaptureOptions { WithEscapes = true });
        }
    }
}
