// CSI/DCS parameters with colon sub-parameters, stored in a fixed-size buffer (no allocation per sequence).
namespace Godel.Terminal.Parsing;

/// <summary>
/// Parameters of one CSI or DCS sequence. Each value is either a top-level parameter or, when
/// introduced by ':', a sub-parameter of the previous one. Missing values read as 0.
/// </summary>
public sealed class VtParams
{
    /// <summary>Hostile input cannot grow this: extra parameters are dropped.</summary>
    public const int MaxCount = 32;

    /// <summary>Values are clamped so arithmetic on them never overflows.</summary>
    public const int MaxValue = 65535;

    private readonly int[] _values = new int[MaxCount];
    private ulong _subMask;

    /// <summary>Number of values, sub-parameters included.</summary>
    public int Count { get; private set; }

    /// <summary>The raw value at <paramref name="index"/> (0 when absent).</summary>
    public int this[int index]
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => (uint)index < (uint)Count ? _values[index] : 0;
    }

    /// <summary>True when value <paramref name="index"/> followed a ':' (it belongs to the previous parameter).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsSub(int index) => (uint)index < (uint)Count && (_subMask & (1UL << index)) != 0;

    /// <summary>The value, or <paramref name="fallback"/> when absent or 0 (the VT default rule).</summary>
    public int Get(int index, int fallback)
    {
        var v = this[index];
        return v == 0 ? fallback : v;
    }

    private bool _started;
    private bool _overflow;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Clear()
    {
        Count = 0;
        _subMask = 0;
        _started = false;
        _overflow = false;
    }

    /// <summary>Feeds one parameter byte: a digit, ';' or ':'. Past <see cref="MaxCount"/> values everything is dropped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Put(byte b)
    {
        if (!_started)
        {
            _started = true;
            Count = 1;
            _values[0] = 0;
        }
        if (_overflow) return;
        if (b <= (byte)'9')
        {
            ref var v = ref _values[Count - 1];
            var n = v * 10 + (b - '0');
            v = n > MaxValue ? MaxValue : n;
            return;
        }
        if (Count == MaxCount)
        {
            _overflow = true;
            return;
        }
        _values[Count] = 0;
        if (b == (byte)':') _subMask |= 1UL << Count;
        Count++;
    }

    /// <summary>
    /// Parses the leading digits, ';' and ':' of <paramref name="s"/> into a cleared instance in one
    /// tight loop (same result as <see cref="Put"/> per byte); returns how many bytes were consumed.
    /// </summary>
    internal int PutRun(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || (uint)(s[0] - '0') > ';' - '0') return 0;
        var values = _values;
        var index = 0;
        var value = 0;
        var sub = 0UL;
        var overflow = false;
        var k = 0;
        for (; k < s.Length; k++)
        {
            var b = s[k];
            var digit = (uint)(b - '0');
            if (digit <= 9)
            {
                if (!overflow) value = Math.Min((value * 10) + (int)digit, MaxValue);
                continue;
            }
            if (b != ';' && b != ':') break;
            if (overflow) continue;
            values[index] = value;
            if (index + 1 == MaxCount)
            {
                overflow = true;
                continue;
            }
            index++;
            value = 0;
            if (b == ':') sub |= 1UL << index;
        }
        if (!overflow) values[index] = value;
        _started = true;
        Count = index + 1;
        _subMask = sub;
        _overflow = overflow;
        return k;
    }

    /// <summary>Copies values for tests and for handlers that keep them.</summary>
    public int[] ToArray() => _values.AsSpan(0, Count).ToArray();

    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            if (i > 0) sb.Append(IsSub(i) ? ':' : ';');
            sb.Append(_values[i]);
        }
        return sb.ToString();
    }
}
