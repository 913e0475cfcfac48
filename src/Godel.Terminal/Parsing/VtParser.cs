// The byte → action state machine: UTF-8 in ground state, a fast path for printable ASCII runs, bounded buffers.
namespace Godel.Terminal.Parsing;

/// <summary>
/// Paul Williams' DEC ANSI parser driven by <see cref="VtParserTable"/>. All state lives in fields,
/// so a sequence split across <see cref="Feed"/> calls at any byte gives the same actions.
/// Memory is bounded: at most <see cref="VtParams.MaxCount"/> parameters, <see cref="MaxIntermediates"/>
/// intermediates and <see cref="MaxOscLength"/> bytes of OSC (longer strings are dropped whole).
/// </summary>
public sealed class VtParser
{
    public const int MaxIntermediates = 4;
    public const int MaxOscLength = 1 << 20;

    private readonly IVtHandler _handler;
    private IStreamingHandler? _stream;
    private readonly VtParams _params = new();
    private readonly byte[] _intermediates = new byte[MaxIntermediates];
    private int _intermediateCount;
    private bool _intermediateOverflow;
    private byte[] _osc = new byte[256];
    private int _oscLength;
    private bool _oscOverflow;
    private VtState _state;

    // UTF-8 decoder state (carried across Feed calls).
    private int _utf8CodePoint;
    private int _utf8Remaining;
    private int _utf8Min;

    public VtParser(IVtHandler handler)
    {
        _handler = handler;
        _stream = handler as IStreamingHandler;
    }

    internal VtState State => _state;

    /// <summary>Tests compare the fused paths against the general one by turning them off.</summary>
    internal void DisableFastPaths() => _stream = null;

    /// <summary>Parses <paramref name="data"/>, calling the handler for every action.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            if (_state == VtState.Ground && _utf8Remaining == 0)
            {
                i = FeedGround(data, i);
                if (i >= data.Length) break;
            }
            Step(data[i]);
            i++;
        }
    }

    /// <summary>
    /// Ground-state fast path: printable ASCII runs go to the handler in one call, C0 controls are
    /// executed directly, and a complete CSI sequence is parsed in one tight loop. Returns the index
    /// of the first byte the table-driven machine must handle (non-ASCII, ESC of an unusual or
    /// incomplete sequence), or data.Length.
    /// </summary>
    private int FeedGround(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length)
        {
            if (_stream is not null)
            {
                i += _stream.Stream(data[i..]);
                if (i >= data.Length) return i;
            }
            if (data[i] == 0x1B)
            {
                // SGR-heavy output alternates short words and sequences: try the CSI before searching for text.
                var csi = TryCsi(data[i..]);
                if (csi == 0) return i;
                i += csi;
                continue;
            }
            var rest = data[i..];
            var n = rest.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
            if (n < 0)
            {
                _handler.PrintAscii(rest);
                return data.Length;
            }
            if (n > 0)
            {
                _handler.PrintAscii(rest[..n]);
                i += n;
            }
            var b = data[i];
            if (b < 0x20 && b != 0x1B)
            {
                _handler.Execute(b);
                i++;
                continue;
            }
            if (b != 0x1B) return i; // DEL or a UTF-8 lead byte
            var used = TryCsi(data[i..]);
            if (used == 0) return i;
            i += used;
        }
        return i;
    }

    /// <summary>Parses one complete, ordinary CSI sequence at data[0] (ESC) and dispatches it; 0 when the table must do it.</summary>
    private int TryCsi(ReadOnlySpan<byte> data)
    {
        if (data.Length < 3 || data[1] != (byte)'[') return 0;
        var j = 2;
        _params.Clear();
        _intermediateCount = 0;
        _intermediateOverflow = false;
        var b = data[j];
        if (b >= 0x3C && b <= 0x3F)
        {
            _intermediates[_intermediateCount++] = b;
            j++;
        }
        j += _params.PutRun(data[j..]);
        while (j < data.Length)
        {
            b = data[j];
            if (b >= 0x40 && b <= 0x7E)
            {
                _handler.CsiDispatch(_params, _intermediates.AsSpan(0, _intermediateCount), b);
                return j + 1;
            }
            if (b < 0x20 || b > 0x2F || _intermediateCount == MaxIntermediates) return 0;
            _intermediates[_intermediateCount++] = b;
            j++;
        }
        return 0;
    }

    private void Step(byte b)
    {
        if (_utf8Remaining > 0)
        {
            if (ContinueUtf8(b)) return;
        }
        var entry = VtParserTable.Lookup(_state, b);
        var action = (VtAction)(entry >> 4);
        var next = (VtState)(entry & 0x0F);
        if (next != _state) Transition(next, b);
        Do(action, b);
    }

    private void Do(VtAction action, byte b)
    {
        switch (action)
        {
            case VtAction.Print:
                _handler.PrintAscii(new ReadOnlySpan<byte>(in b));
                break;
            case VtAction.Execute:
                _handler.Execute(b);
                break;
            case VtAction.Collect:
                Collect(b);
                break;
            case VtAction.Param:
                _params.Put(b);
                break;
            case VtAction.EscDispatch:
                if (!_intermediateOverflow) _handler.EscDispatch(_intermediates.AsSpan(0, _intermediateCount), b);
                break;
            case VtAction.CsiDispatch:
                if (!_intermediateOverflow) _handler.CsiDispatch(_params, _intermediates.AsSpan(0, _intermediateCount), b);
                break;
            case VtAction.Put:
                _handler.DcsPut(b);
                break;
            case VtAction.OscPut:
                OscPut(b);
                break;
            case VtAction.Utf8:
                StartUtf8(b);
                break;
        }
    }

    /// <summary>Runs exit actions of the old state and entry actions of the new one.</summary>
    private void Transition(VtState next, byte b)
    {
        switch (_state)
        {
            case VtState.OscString:
                if (b == 0x07) DispatchOsc(bellTerminated: true);
                else if (b == 0x1B) DispatchOsc(bellTerminated: false);
                break;
            case VtState.DcsPassthrough:
                _handler.DcsUnhook();
                break;
        }
        _state = next;
        switch (next)
        {
            case VtState.Escape:
            case VtState.CsiEntry:
            case VtState.DcsEntry:
                _params.Clear();
                _intermediateCount = 0;
                _intermediateOverflow = false;
                break;
            case VtState.OscString:
                _oscLength = 0;
                _oscOverflow = false;
                break;
            case VtState.DcsPassthrough:
                if (!_intermediateOverflow) _handler.DcsHook(_params, _intermediates.AsSpan(0, _intermediateCount), b);
                break;
        }
    }

    private void Collect(byte b)
    {
        if (_intermediateCount == MaxIntermediates)
        {
            _intermediateOverflow = true;
            return;
        }
        _intermediates[_intermediateCount++] = b;
    }

    private void OscPut(byte b)
    {
        if (_oscOverflow) return;
        if (_oscLength == _osc.Length)
        {
            if (_osc.Length >= MaxOscLength)
            {
                _oscOverflow = true;
                return;
            }
            Array.Resize(ref _osc, _osc.Length * 2);
        }
        _osc[_oscLength++] = b;
    }

    private void DispatchOsc(bool bellTerminated)
    {
        if (!_oscOverflow) _handler.OscDispatch(_osc.AsSpan(0, _oscLength), bellTerminated);
        if (_osc.Length > 4096) _osc = new byte[256]; // give a huge buffer back
        _oscLength = 0;
    }

    private void StartUtf8(byte b)
    {
        if (b >= 0xC2 && b <= 0xDF) Begin(b & 0x1F, 1, 0x80);
        else if (b >= 0xE0 && b <= 0xEF) Begin(b & 0x0F, 2, 0x800);
        else if (b >= 0xF0 && b <= 0xF4) Begin(b & 0x07, 3, 0x10000);
        else _handler.Print(0xFFFD);
    }

    private void Begin(int bits, int remaining, int min)
    {
        _utf8CodePoint = bits;
        _utf8Remaining = remaining;
        _utf8Min = min;
    }

    /// <summary>Consumes a continuation byte; returns false when <paramref name="b"/> must be reprocessed.</summary>
    private bool ContinueUtf8(byte b)
    {
        if ((b & 0xC0) != 0x80)
        {
            _utf8Remaining = 0;
            _handler.Print(0xFFFD);
            return false;
        }
        _utf8CodePoint = (_utf8CodePoint << 6) | (b & 0x3F);
        if (--_utf8Remaining > 0) return true;
        var cp = _utf8CodePoint;
        if (cp < _utf8Min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        _handler.Print(cp);
        return true;
    }
}
