// `godel attach`: draws the agent's snapshot on the local terminal, then passes bytes both ways until
// the detach key, the agent's exit, a signal, or the daemon going away. The terminal is always restored.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using Godel.Cli.Daemon;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;

namespace Godel.Cli.Attach;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class AttachSession(Stream input, Stream output, byte detachKey) : ITerminalSink
{
    // Puts the local terminal back to a plain state before a snapshot (which expects a fresh terminal) and on exit.
    private static readonly byte[] Reset = "\e[?1049l\e[!p\e[?1000l\e[?1002l\e[?1003l\e[?1006l\e[?1004l\e[?2004l\e[?1l\e>\e[?25h\e[0m\e[H\e[2J"u8.ToArray();
    private static readonly byte[] Leave = "\e[?1000l\e[?1002l\e[?1003l\e[?1006l\e[?1004l\e[?2004l\e[?1l\e>\e[?25h\e[0m\r\n"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<string> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drawn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen)
    {
        lock (_gate)
        {
            output.Write(Reset);
            output.Write(screen);
            output.Flush();
        }

        _drawn.TrySetResult();
    }

    public void OnOutput(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            output.Write(data);
            output.Flush();
        }
    }

    /// <summary>Runs until detached; returns the line to show after the terminal is restored.</summary>
    public async Task<string> RunAsync(DaemonClient client, string name, bool readOnly, CancellationToken cancellationToken)
    {
        var (columns, rows) = CliNative.WindowSize(1) ?? CliNative.WindowSize(0) ?? (80, 24);
        using var raw = RawTerminal.Enter(0);
        // Before the handshake: a hangup's default action would end the process with the terminal still raw.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Finish("[terminated]"));
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Finish("[hangup]"));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Finish("[interrupted]"));
        try
        {
            client.Closed += _ => _finished.TrySetResult("[the daemon connection closed]");
            client.Pushed += message =>
            {
                if (message is AgentStateChanged { Agent: var agent } && agent.Name == name && agent.State == AgentState.Exited)
                {
                    _finished.TrySetResult($"[{name} {AgentTable.StateText(agent)}]");
                }
            };
            var attached = await client.AttachAsync(new Protocol.Messages.Attach(name, columns, rows, readOnly), this, cancellationToken).ConfigureAwait(false);
            if (attached.Agent.State is AgentState.Exited or AgentState.Lost)
            {
                await _drawn.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                return $"[{name} {AgentTable.StateText(attached.Agent)}: this is its last screen; `godel agent restart {name}` starts it again]";
            }

            using var winch = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => OnWindowChanged(client, attached.Channel));
            _ = Task.Factory.StartNew(() => PumpInput(client, attached.Channel, name), TaskCreationOptions.LongRunning);
            await using var cancelled = cancellationToken.Register(() => _finished.TrySetResult("[cancelled]"));
            return await _finished.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                output.Write(Leave);
                output.Flush();
            }
        }
    }

    private Action<PosixSignalContext> Finish(string reason) => context =>
    {
        context.Cancel = true;
        _finished.TrySetResult(reason);
    };

    private static void OnWindowChanged(DaemonClient client, uint channel)
    {
        if ((CliNative.WindowSize(1) ?? CliNative.WindowSize(0)) is { } size)
        {
            _ = client.SendAsync(new Resize(channel, size.Columns, size.Rows));
        }
    }

    // Blocking reads on stdin (raw mode: one read per keystroke or paste); the detach key ends the session.
    private void PumpInput(DaemonClient client, uint channel, string name)
    {
        var buffer = new byte[4096];
        try
        {
            while (!_finished.Task.IsCompleted)
            {
                var n = input.Read(buffer);
                if (n <= 0)
                {
                    _finished.TrySetResult($"[detached from {name}: input closed]");
                    return;
                }

                var stop = Array.IndexOf(buffer, detachKey, 0, n);
                var send = stop < 0 ? n : stop;
                if (send > 0)
                {
                    client.SendInputAsync(channel, buffer.AsMemory(0, send).ToArray()).GetAwaiter().GetResult();
                }

                if (stop >= 0)
                {
                    _finished.TrySetResult($"[detached from {name}]");
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _finished.TrySetResult($"[detached from {name}: {e.Message}]");
        }
    }

    public static string Describe(byte key) => key == 0x1c ? "Ctrl-\\" : $"Ctrl-{(char)(key + '@')}";

    public static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\r\n");
}
