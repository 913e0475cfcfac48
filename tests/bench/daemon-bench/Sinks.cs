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
