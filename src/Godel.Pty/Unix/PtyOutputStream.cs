// The child's output as a read-only Stream: synchronous reads go straight to the master, asynchronous
// reads are served by one dedicated thread per session so no thread-pool thread ever blocks.
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class PtyOutputStream(PtyMaster master, string name) : Stream
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _requests = new(0);
    private WakePipe? _cancel;
    private Thread? _thread;
    private Memory<byte> _pendingBuffer;
    private CancellationToken _pendingToken;
    private TaskCompletionSource<int>? _pending;
    private volatile bool _ended;
    private volatile bool _closed;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Blocks until output is available; 0 at end of output.</summary>
    public override int Read(Span<byte> buffer)
    {
        if (_ended)
            return 0;
        var n = master.Read(buffer, null);
        return End(n <= 0 && !buffer.IsEmpty ? 0 : n);
    }

    /// <summary>One non-blocking read: bytes, 0 at end of output, -1 when nothing is waiting.</summary>
    internal int ReadAvailable(Span<byte> buffer)
    {
        if (_ended)
            return 0;
        ArgumentOutOfRangeException.ThrowIfZero(buffer.Length);
        var n = master.TryRead(buffer);
        return n < 0 ? -1 : End(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<int>(cancellationToken);
        if (_ended || buffer.IsEmpty)
            return ValueTask.FromResult(0);
        var n = master.TryRead(buffer.Span);
        if (n >= 0)
            return ValueTask.FromResult(End(n));
        return new ValueTask<int>(ReadOnThreadAsync(buffer, cancellationToken));
    }

    private async Task<int> ReadOnThreadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_pending is not null)
                throw new InvalidOperationException("Only one read at a time may be pending on a pseudo-terminal's output.");
            ObjectDisposedException.ThrowIf(_closed, this);
            EnsureThread();
            _pending = tcs;
            _pendingBuffer = buffer;
            _pendingToken = cancellationToken;
        }
        _requests.Release();
        var cancel = _cancel!;
        using (cancellationToken.UnsafeRegister(static c => ((WakePipe)c!).Signal(), cancel))
        {
            var n = await tcs.Task.ConfigureAwait(false);
            if (n < 0)
                throw new OperationCanceledException(cancellationToken);
            return End(n);
        }
    }

    private void EnsureThread()
    {
        if (_thread is not null)
            return;
        _cancel = new WakePipe();
        _thread = new Thread(ServeReads, 256 * 1024) { IsBackground = true, Name = name };
        _thread.Start();
    }

    private void ServeReads()
    {
        while (true)
        {
            _requests.Wait();
            TaskCompletionSource<int> tcs;
            Memory<byte> buffer;
            CancellationToken token;
            lock (_gate)
            {
                if (_pending is null)
                    return; // closed
                tcs = _pending;
                buffer = _pendingBuffer;
                token = _pendingToken;
            }
            var n = ReadUnlessCancelled(buffer.Span, token);
            lock (_gate)
            {
                _pending = null;
                _pendingBuffer = default;
                _pendingToken = default;
            }
            tcs.SetResult(n);
        }
    }

    // A signal left in the cancel pipe by an earlier request's token is drained and ignored.
    private int ReadUnlessCancelled(Span<byte> buffer, CancellationToken token)
    {
        while (!_closed)
        {
            var n = master.Read(buffer, _cancel);
            if (n >= 0 || token.IsCancellationRequested)
                return n;
            _cancel!.Drain();
        }
        return 0;
    }

    private int End(int n)
    {
        if (n == 0)
            _ended = true;
        return n;
    }

    /// <summary>Stops the read thread; called by the session once the master is being closed.</summary>
    internal void Shutdown()
    {
        lock (_gate)
        {
            if (_closed)
                return;
            _closed = true;
        }
        _requests.Release();
        // The cancel pipe is closed by the read thread's last user; disposing it here is safe because
        // FdHandle defers the close until a poll() in progress has returned.
        _cancel?.Dispose();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
