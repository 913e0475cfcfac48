// A pooled, capped byte buffer holding what a response relay must look at after the fact.
using System.Buffers;

namespace Godel.Proxy.Pipeline;

/// <summary>Keeps at most <c>cap</c> bytes; past the cap the rest is dropped and <see cref="Overflowed"/> is set.</summary>
internal sealed class CaptureBuffer(int cap) : IDisposable
{
    private byte[] _buffer = [];
    private int _length;

    public bool Overflowed { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > cap)
        {
            Overflowed = true;
            data = data[..Math.Max(0, cap - _length)];
        }
        if (data.IsEmpty)
        {
            return;
        }
        if (_length + data.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + data.Length, Math.Min(cap, Math.Max(1024, _buffer.Length * 2))));
            Span.CopyTo(bigger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            _buffer = bigger;
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
