// A growable FIFO of bytes: appended at the end by the PTY reader, consumed from the front by the client writer.
namespace Godel.Daemon.Sessions;

internal sealed class ByteQueue
{
    private byte[] _data = [];
    private int _start;
    private int _end;

    public int Length => _end - _start;

    public ReadOnlySpan<byte> Span => _data.AsSpan(_start, _end - _start);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_data.Length - _end < bytes.Length)
        {
            MakeRoom(bytes.Length);
        }

        bytes.CopyTo(_data.AsSpan(_end));
        _end += bytes.Length;
    }

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>Empties the queue and gives back a large buffer (a flood's backlog should not stay resident).</summary>
    public void Clear()
    {
        _start = _end = 0;
        if (_data.Length > 256 * 1024)
        {
            _data = [];
        }
    }

    private void MakeRoom(int extra)
    {
        var length = _end - _start;
        if (_data.Length >= length + extra && _start > 0)
        {
            Buffer.BlockCopy(_data, _start, _data, 0, length);
        }
        else
        {
            var bigger = new byte[Math.Max(length + extra, Math.Max(16 * 1024, _data.Length * 2))];
            Buffer.BlockCopy(_data, _start, bigger, 0, length);
            _data = bigger;
        }

        _start = 0;
        _end = length;
    }
}
