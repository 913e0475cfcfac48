// The actions the VT parser emits; the parser never touches the screen itself.
namespace Godel.Terminal.Parsing;

/// <summary>Receives parsed actions from <see cref="VtParser"/> (Paul Williams' DEC ANSI parser model).</summary>
public interface IVtHandler
{
    /// <summary>A run of printable ASCII (0x20..0x7E) from the ground state.</summary>
    void PrintAscii(ReadOnlySpan<byte> run);

    /// <summary>One decoded non-ASCII Unicode scalar (U+FFFD for malformed UTF-8).</summary>
    void Print(int codePoint);

    /// <summary>A C0 control (0x00..0x1F).</summary>
    void Execute(byte control);

    /// <summary>A complete CSI sequence; <paramref name="intermediates"/> holds the private marker (<c>?&gt;&lt;=</c>) first, then intermediates.</summary>
    void CsiDispatch(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final);

    void EscDispatch(ReadOnlySpan<byte> intermediates, byte final);

    /// <summary>A complete OSC string (without the terminator); <paramref name="bellTerminated"/> says whether it ended with BEL rather than ST.</summary>
    void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated);

    void DcsHook(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final);

    void DcsPut(byte data);

    void DcsUnhook();
}

/// <summary>
/// Optional fast path a handler may offer for the shape of nearly all output. The parser hands it
/// ground-state input first; whatever it does not take goes through the general path, so the result
/// must be the same either way.
/// </summary>
internal interface IStreamingHandler
{
    /// <summary>
    /// Handles a prefix of ground-state input the handler has a fused path for (streaming text, plain SGR,
    /// CR, LF) and returns its length; 0 when the parser must take the next byte itself.
    /// </summary>
    int Stream(ReadOnlySpan<byte> data);
}
