// The transition table of Paul Williams' DEC ANSI parser (vt100.net/emu/dec_ansi_parser), adapted for UTF-8 input.
namespace Godel.Terminal.Parsing;

internal enum VtState : byte
{
    Ground,
    Escape,
    EscapeIntermediate,
    CsiEntry,
    CsiParam,
    CsiIntermediate,
    CsiIgnore,
    DcsEntry,
    DcsParam,
    DcsIntermediate,
    DcsPassthrough,
    DcsIgnore,
    OscString,
    SosPmApcString,
}

internal enum VtAction : byte
{
    None,
    Print,
    Execute,
    Collect,
    Param,
    EscDispatch,
    CsiDispatch,
    Put,
    OscPut,
    Ignore,
    Utf8,
}

/// <summary>
/// Immutable lookup: for (state, byte) the action and the next state, packed as action &lt;&lt; 4 | state.
/// C1 bytes (0x80..0x9F) are not controls here: in UTF-8 they are continuation bytes. Entry and exit
/// actions (clear, hook, unhook, OSC start/end) are done by the parser on a state change.
/// </summary>
internal static class VtParserTable
{
    private const int StateCount = 14;

    internal static readonly byte[] Table = Build();

    internal static byte Lookup(VtState state, byte b) => Table[((int)state << 8) | b];

    private static byte[] Build()
    {
        var t = new byte[StateCount * 256];
        for (var s = 0; s < StateCount; s++)
        {
            for (var b = 0; b < 256; b++) Set(t, (VtState)s, b, VtAction.Ignore, (VtState)s);
        }
        Ground(t);
        Escape(t);
        Csi(t);
        Dcs(t);
        Strings(t);
        Anywhere(t);
        return t;
    }

    private static void Set(byte[] t, VtState s, int b, VtAction a, VtState next) =>
        t[((int)s << 8) | b] = (byte)(((int)a << 4) | (int)next);

    private static void Range(byte[] t, VtState s, int from, int to, VtAction a, VtState next)
    {
        for (var b = from; b <= to; b++) Set(t, s, b, a, next);
    }

    private static void C0(byte[] t, VtState s, VtAction a)
    {
        Range(t, s, 0x00, 0x17, a, s);
        Set(t, s, 0x19, a, s);
        Range(t, s, 0x1C, 0x1F, a, s);
    }

    private static void Ground(byte[] t)
    {
        C0(t, VtState.Ground, VtAction.Execute);
        Range(t, VtState.Ground, 0x20, 0x7E, VtAction.Print, VtState.Ground);
        Range(t, VtState.Ground, 0x80, 0xFF, VtAction.Utf8, VtState.Ground);
    }

    private static void Escape(byte[] t)
    {
        C0(t, VtState.Escape, VtAction.Execute);
        Range(t, VtState.Escape, 0x20, 0x2F, VtAction.Collect, VtState.EscapeIntermediate);
        Range(t, VtState.Escape, 0x30, 0x7E, VtAction.EscDispatch, VtState.Ground);
        Set(t, VtState.Escape, '[', VtAction.None, VtState.CsiEntry);
        Set(t, VtState.Escape, ']', VtAction.None, VtState.OscString);
        Set(t, VtState.Escape, 'P', VtAction.None, VtState.DcsEntry);
        Set(t, VtState.Escape, 'X', VtAction.None, VtState.SosPmApcString);
        Set(t, VtState.Escape, '^', VtAction.None, VtState.SosPmApcString);
        Set(t, VtState.Escape, '_', VtAction.None, VtState.SosPmApcString);

        C0(t, VtState.EscapeIntermediate, VtAction.Execute);
        Range(t, VtState.EscapeIntermediate, 0x20, 0x2F, VtAction.Collect, VtState.EscapeIntermediate);
        Range(t, VtState.EscapeIntermediate, 0x30, 0x7E, VtAction.EscDispatch, VtState.Ground);
    }

    private static void Csi(byte[] t)
    {
        C0(t, VtState.CsiEntry, VtAction.Execute);
        Range(t, VtState.CsiEntry, 0x20, 0x2F, VtAction.Collect, VtState.CsiIntermediate);
        Range(t, VtState.CsiEntry, 0x30, 0x3B, VtAction.Param, VtState.CsiParam);
        Range(t, VtState.CsiEntry, 0x3C, 0x3F, VtAction.Collect, VtState.CsiParam);
        Range(t, VtState.CsiEntry, 0x40, 0x7E, VtAction.CsiDispatch, VtState.Ground);

        C0(t, VtState.CsiParam, VtAction.Execute);
        Range(t, VtState.CsiParam, 0x20, 0x2F, VtAction.Collect, VtState.CsiIntermediate);
        Range(t, VtState.CsiParam, 0x30, 0x3B, VtAction.Param, VtState.CsiParam);
        Range(t, VtState.CsiParam, 0x3C, 0x3F, VtAction.None, VtState.CsiIgnore);
        Range(t, VtState.CsiParam, 0x40, 0x7E, VtAction.CsiDispatch, VtState.Ground);

        C0(t, VtState.CsiIntermediate, VtAction.Execute);
        Range(t, VtState.CsiIntermediate, 0x20, 0x2F, VtAction.Collect, VtState.CsiIntermediate);
        Range(t, VtState.CsiIntermediate, 0x30, 0x3F, VtAction.None, VtState.CsiIgnore);
        Range(t, VtState.CsiIntermediate, 0x40, 0x7E, VtAction.CsiDispatch, VtState.Ground);

        C0(t, VtState.CsiIgnore, VtAction.Execute);
        Range(t, VtState.CsiIgnore, 0x40, 0x7E, VtAction.None, VtState.Ground);
    }

    private static void Dcs(byte[] t)
    {
        Range(t, VtState.DcsEntry, 0x20, 0x2F, VtAction.Collect, VtState.DcsIntermediate);
        Range(t, VtState.DcsEntry, 0x30, 0x3B, VtAction.Param, VtState.DcsParam);
        Range(t, VtState.DcsEntry, 0x3C, 0x3F, VtAction.Collect, VtState.DcsParam);
        Range(t, VtState.DcsEntry, 0x40, 0x7E, VtAction.None, VtState.DcsPassthrough);

        Range(t, VtState.DcsParam, 0x20, 0x2F, VtAction.Collect, VtState.DcsIntermediate);
        Range(t, VtState.DcsParam, 0x30, 0x3B, VtAction.Param, VtState.DcsParam);
        Range(t, VtState.DcsParam, 0x3C, 0x3F, VtAction.None, VtState.DcsIgnore);
        Range(t, VtState.DcsParam, 0x40, 0x7E, VtAction.None, VtState.DcsPassthrough);

        Range(t, VtState.DcsIntermediate, 0x20, 0x2F, VtAction.Collect, VtState.DcsIntermediate);
        Range(t, VtState.DcsIntermediate, 0x30, 0x3F, VtAction.None, VtState.DcsIgnore);
        Range(t, VtState.DcsIntermediate, 0x40, 0x7E, VtAction.None, VtState.DcsPassthrough);

        C0(t, VtState.DcsPassthrough, VtAction.Put);
        Range(t, VtState.DcsPassthrough, 0x20, 0x7E, VtAction.Put, VtState.DcsPassthrough);
        Range(t, VtState.DcsPassthrough, 0x80, 0xFF, VtAction.Put, VtState.DcsPassthrough);
    }

    private static void Strings(byte[] t)
    {
        Range(t, VtState.OscString, 0x20, 0x7F, VtAction.OscPut, VtState.OscString);
        Range(t, VtState.OscString, 0x80, 0xFF, VtAction.OscPut, VtState.OscString);
        Set(t, VtState.OscString, 0x07, VtAction.None, VtState.Ground); // BEL ends OSC (xterm)
    }

    private static void Anywhere(byte[] t)
    {
        for (var s = 0; s < StateCount; s++)
        {
            var state = (VtState)s;
            Set(t, state, 0x18, VtAction.Execute, VtState.Ground); // CAN
            Set(t, state, 0x1A, VtAction.Execute, VtState.Ground); // SUB
            Set(t, state, 0x1B, VtAction.None, VtState.Escape);
        }
        // Inside strings CAN/SUB abort silently.
        Set(t, VtState.OscString, 0x18, VtAction.None, VtState.Ground);
        Set(t, VtState.OscString, 0x1A, VtAction.None, VtState.Ground);
    }
}
