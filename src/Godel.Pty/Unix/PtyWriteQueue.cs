// Input for the child: written at once when the pty has room, otherwise queued for a writer thread,
// so Write never blocks the caller even when the child never reads.
using System.Runtime.Versioning;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class PtyWriteQueue(PtyMaster master, string name)
{
    private readonly object _gate = new(); // Monitor: the writer thread waits on it
    private readonly Queue<byte[]> _pending = new();
    private int _headOffset;
    private Thread? _thread;
    private bool _stopped;

    /// <summary>Bytes waiting for the child to read them.</summary>
    internal long PendingBytes { get; private set; }

    internal void Enqueue(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return;
        lock (_gate)
        {
            if (_stopped)
                return;
            if (_pending.Count == 0)
            {
                // Fast path: keystrokes fit in the pty's buffer; no copy, no thread.
                var n = master.TryWrite(data);
                if (n < 0)
                {
                    _stopped = true;
                    return;
                }
                data = data[n..];
                if (data.IsEmpty)
                    return;
            }
            _pending.Enqueue(data.ToArray());
            PendingBytes += data.Length;
            EnsureThread();
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Drops what is queued and ends the writer thread.</summary>
    internal void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _pending.Clear();
            PendingBytes = 0;
            Monitor.PulseAll(_gate);
        }
    }

    private void EnsureThread()
    {
        if (_thread is not null)
            return;
        _thread = new Thread(Drain, 256 * 1024) { IsBackground = true, Name = name };
        _thread.Start();
    }

    private void Drain()
    {
        while (NextChunk() is { } chunk)
        {
            var n = master.TryWrite(chunk.Span);
            if (n < 0)
            {
                Stop(); // the child side is gone: nobody will read this input.
                return;
            }
            if (n == 0 && !master.WaitWritable())
            {
                Stop();
                return;
            }
            Consumed(n);
        }
    }

    private ReadOnlyMemory<byte>? NextChunk()
    {
        lock (_gate)
        {
            while (!_stopped && _pending.Count == 0)
                Monitor.Wait(_gate);
            if (_stopped)
                return null;
            return _pending.Peek().AsMemory(_headOffset);
        }
    }

    private void Consumed(int n)
    {
        if (n == 0)
            return;
        lock (_gate)
        {
            if (_stopped || _pending.Count == 0)
                return;
            PendingBytes -= n;
            _headOffset += n;
            if (_headOffset == _pending.Peek().Length)
            {
                _pending.Dequeue();
                _headOffset = 0;
            }
        }
    }
}
