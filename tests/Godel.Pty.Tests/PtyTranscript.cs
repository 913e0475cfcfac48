// Test helper: collects a pty child's output in the background and waits for text to appear.
using System.Text;

namespace Godel.Pty.Tests;

internal sealed class PtyTranscript : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Task _pump;

    internal PtyTranscript(IPtyProcess process)
    {
        Process = process;
        _pump = Task.Run(PumpAsync);
    }

    internal IPtyProcess Process { get; }

    internal static PtyTranscript Start(string program, params string[] args) =>
        Start(new PtySpawnOptions { Program = program, Args = args });

    internal static PtyTranscript Start(PtySpawnOptions options) => new(PtyProcess.Spawn(options));

    internal string Text
    {
        get
        {
            lock (_gate)
                return _text.ToString();
        }
    }

    /// <summary>Completes when the child's output has ended (EIO on the master).</summary>
    internal Task Ended => _pump;

    internal async Task WaitForAsync(string expected, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (!Text.Contains(expected, StringComparison.Ordinal))
        {
            if (_pump.IsCompleted && !Text.Contains(expected, StringComparison.Ordinal))
                throw new Xunit.Sdk.XunitException($"Output ended without '{expected}'. Output was:\n{Text}");
            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for '{expected}'. Output was:\n{Text}");
            }
        }
    }

    /// <summary>Waits for the output to end and the child to be reaped.</summary>
    internal async Task<PtyExitStatus> CompleteAsync()
    {
        await _pump.WaitAsync(DefaultTimeout);
        return await Process.Exited.WaitAsync(DefaultTimeout);
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[16384];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (true)
        {
            var n = await Process.Output.ReadAsync(buffer);
            if (n == 0)
                break;
            var c = decoder.GetChars(buffer, 0, n, chars, 0);
            lock (_gate)
                _text.Append(chars, 0, c);
            _changed.Release();
        }
        _changed.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await _pump.WaitAsync(DefaultTimeout);
        _changed.Dispose();
    }
}
