// A client-side copy of an agent's screen: the same emulator the daemon runs, fed with what the daemon sends.
using System.Text;
using Godel.Protocol.Client;
using Godel.Terminal;

namespace Godel.Daemon.Tests.Support;

internal sealed class ScreenSink : ITerminalSink
{
    private readonly Lock _gate = new();
    private TerminalEmulator _screen = new(new TerminalOptions { Columns = 80, Rows = 24 });
    private readonly StringBuilder _output = new();

    public int Snapshots { get; private set; }

    public long OutputBytes { get; private set; }

    public void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen)
    {
        lock (_gate)
        {
            _screen = new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows });
            _screen.Feed(screen);
            Snapshots++;
        }
    }

    public void OnOutput(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _screen.Feed(data);
            OutputBytes += data.Length;
            if (_output.Length < 1 << 20)
            {
                _output.Append(Encoding.UTF8.GetString(data));
            }
        }
    }

    public string Text()
    {
        lock (_gate)
        {
            return _screen.Capture();
        }
    }

    public string Styled()
    {
        lock (_gate)
        {
            return _screen.Capture(new CaptureOptions { WithEscapes = true });
        }
    }

    public (int Columns, int Rows) Size
    {
        get
        {
            lock (_gate)
            {
                return (_screen.Columns, _screen.Rows);
            }
        }
    }

    /// <summary>Raw output seen since attach (first MiB), for latency probes.</summary>
    public string Output()
    {
        lock (_gate)
        {
            return _output.ToString();
        }
    }
}
