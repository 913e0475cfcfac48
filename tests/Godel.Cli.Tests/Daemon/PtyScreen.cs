// Runs a program (the built `godel`) on a real pseudo-terminal and reads its screen through Godel's emulator.
using Godel.Pty;
using Godel.Terminal;

namespace Godel.Cli.Tests.Daemon;

internal sealed class PtyScreen : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IPtyProcess _process;
    private readonly TerminalEmulator _screen;
    private readonly Task _pump;

    public PtyScreen(CliWorkspace ws, int columns, int rows, params string[] args)
    {
        _screen = new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows });
        _process = PtyProcess.Spawn(new PtySpawnOptions
        {
            Program = CliWorkspace.Godel,
            Args = args,
            Environment = ws.Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!),
            WorkingDirectory = ws.Repo,
            Columns = columns,
            Rows = rows,
        });
        _pump = Task.Factory.StartNew(Pump, TaskCreationOptions.LongRunning);
    }

    public int Pid => _process.ProcessId;

    public Task<PtyExitStatus> Exited => _process.Exited;

    private void Pump()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = _process.Output.Read(buffer)) > 0)
            {
                lock (_gate)
                {
                    _screen.Feed(buffer.AsSpan(0, n));
                }
            }
        }
        catch (IOException)
        {
        }
    }

    public string Text()
    {
        lock (_gate)
        {
            return _screen.Capture();
        }
    }

    /// <summary>The terminal modes the program has left set (read after it exited and its output was drained).</summary>
    public TerminalModes Modes
    {
        get
        {
            lock (_gate)
            {
                return _screen.Modes;
            }
        }
    }

    /// <summary>Completes when all the program's output has been read.</summary>
    public Task Drained => _pump;

    public void Type(string text) => _process.Write(System.Text.Encoding.UTF8.GetBytes(text));

    public void Resize(int columns, int rows)
    {
        lock (_gate)
        {
            _screen.Resize(columns, rows);
        }

        _process.Resize(columns, rows);
    }

    public void Kill() => _process.Signal(9);

    public async Task WaitForAsync(string text, int timeoutMs = 15_000) =>
        await Wait.Until(() => Text().Contains(text, StringComparison.Ordinal), $"'{text}' on the attached screen; screen was:\n{Text()}", timeoutMs);

    public async ValueTask DisposeAsync()
    {
        if (!_process.Exited.IsCompleted)
        {
            _process.Signal(9);
        }

        await _process.DisposeAsync();
        await Task.WhenAny(_pump, Task.Delay(2000));
    }
}
