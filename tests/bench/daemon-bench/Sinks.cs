// Client-side receivers: one that discards (like a fast terminal), one that waits for an echoed byte.
using Godel.Protocol.Client;

namespace Godel.DaemonBench;

internal sealed class DiscardSink : ITerminalSink
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen)
    {
    }

    public void OnOutput(ReadOnlySpan<byte> data) => Interlocked.Add(ref _bytes, data.Length);
}

internal sealed class EchoSink : ITerminalSink
{
    private readonly SemaphoreSlim _seen = new(0);
    private volatile int _expected = -1;

    public void Expect(byte value) => _expected = value;

    public Task WaitAsync(CancellationToken cancellationToken) => _seen.WaitAsync(cancellationToken);

    public void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen)
    {
    }

    public void OnOutput(ReadOnlySpan<byte> data)
    {
        var expected = _expected;
        if (expected >= 0 && data.IndexOf((byte)expected) >= 0)
        {
            _expected = -1;
            _seen.Release();
        }
    }
}

/// <summary>`cat` on a PTY read by a thread of this process: the floor a keystroke round trip cannot beat.</summary>
internal sealed class PtyEcho : IDisposable
{
    private readonly Godel.Pty.IPtyProcess _pty;

    private PtyEcho(Godel.Pty.IPtyProcess pty)
    {
        _pty = pty;
        new Thread(ReadLoop) { IsBackground = true, Name = "raw-pty-echo" }.Start();
    }

    public EchoSink Sink { get; } = new();

    public static PtyEcho Start() => new(Godel.Pty.PtyProcess.Spawn(new Godel.Pty.PtySpawnOptions
    {
        Program = "/bin/sh",
        Args = ["-c", "stty raw -echo; exec cat"],
    }));

    public void Write(byte key) => _pty.Write([key]);

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = _pty.Output.Read(buffer)) > 0)
            {
                Sink.OnOutput(buffer.AsSpan(0, n));
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _pty.Dispose();
}
