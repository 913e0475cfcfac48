// Remembers what short SGR sequences do to the pen, so colourised output skips parsing them again.
using System.Buffers.Binary;
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

/// <summary>
/// Programs colourise with a handful of sequences (<c>ESC[32m</c>, <c>ESC[0m</c>, <c>ESC[38;5;208m</c>)
/// repeated millions of times. Every SGR made only of ';'-separated numbers either assigns a pen field or
/// leaves it alone, and sets, clears or keeps each attribute bit, so its effect is a transform
/// <c>field = (field &amp; keep) | set</c>, found once by applying the sequence to two probe pens and then
/// looked up by the sequence's bytes. Sequences that touch the underline colour, and pens that carry an
/// underline colour or a hyperlink (their extra index must be re-interned), take the general path.
/// </summary>
internal sealed class SgrMemo
{
    /// <summary>Longest parameter string remembered (two 8-byte words).</summary>
    public const int MaxLength = 16;

    private const int Slots = 64;
    private const uint FgProbe = 0x7F12_3456; // no real colour has tag 0x7F
    private const uint BgProbe = 0x7F65_4321;
    private const uint AttrProbe = 0xFFFF;

    private readonly Entry[] _entries = new Entry[Slots];
    private readonly VtParams _scratch = new();

    private struct Entry
    {
        public ulong K0;
        public ulong K1;
        public int Length; // parameter bytes + 1, so 0 marks an empty slot
        public bool Cacheable;
        public uint FgKeep;
        public uint FgSet;
        public uint BgKeep;
        public uint BgSet;
        public uint AttrKeep;
        public uint AttrSet;
    }

    /// <summary>Applies <c>CSI parameters m</c> (digits and ';' only, at most <see cref="MaxLength"/> bytes); false when the general path must.</summary>
    public bool TryApply(ref Pen pen, ReadOnlySpan<byte> parameters)
    {
        if (parameters.Length > MaxLength) return false;
        var (k0, k1) = Key(parameters);
        return TryApply(ref pen, k0, k1, parameters.Length);
    }

    /// <summary>
    /// The same, given the parameter bytes as two little-endian words, zero-padded (so the caller may load them
    /// straight from its input), and their count.
    /// </summary>
    public bool TryApply(ref Pen pen, ulong k0, ulong k1, int length)
    {
        if (pen.UnderlineColor != 0 || pen.Link != 0) return false;
        var slot = (int)((((k0 * 0x9E37_79B9_7F4A_7C15UL) ^ (k1 * 0xC2B2_AE3D_27D4_EB4FUL)) + (ulong)length) >> 58) & (Slots - 1);
        ref var e = ref _entries[slot];
        if (e.Length != length + 1 || e.K0 != k0 || e.K1 != k1) Learn(ref e, k0, k1, length);
        if (!e.Cacheable) return false;
        pen.Fg = (pen.Fg & e.FgKeep) | e.FgSet;
        pen.Bg = (pen.Bg & e.BgKeep) | e.BgSet;
        pen.Attr = (pen.Attr & e.AttrKeep) | e.AttrSet;
        return true;
    }

    /// <summary>The parameter bytes as two little-endian words, zero-padded.</summary>
    private static (ulong K0, ulong K1) Key(ReadOnlySpan<byte> p)
    {
        var n = p.Length;
        if (n >= 8)
        {
            var k0 = BinaryPrimitives.ReadUInt64LittleEndian(p);
            return (k0, n == 16 ? BinaryPrimitives.ReadUInt64LittleEndian(p[8..]) : Tail(p[8..]));
        }
        return (Tail(p), 0);
    }

    private static ulong Tail(ReadOnlySpan<byte> p)
    {
        ulong v = 0;
        for (var i = p.Length - 1; i >= 0; i--) v = (v << 8) | p[i];
        return v;
    }

    private void Learn(ref Entry e, ulong k0, ulong k1, int length)
    {
        Span<byte> parameters = stackalloc byte[MaxLength];
        BinaryPrimitives.WriteUInt64LittleEndian(parameters, k0);
        BinaryPrimitives.WriteUInt64LittleEndian(parameters[8..], k1);
        parameters = parameters[..length];
        _scratch.Clear();
        _scratch.PutRun(parameters);
        var a = default(Pen);
        var b = new Pen { Fg = FgProbe, Bg = BgProbe, Attr = AttrProbe };
        Sgr.ApplyTo(ref a, _scratch);
        Sgr.ApplyTo(ref b, _scratch);
        e.K0 = k0;
        e.K1 = k1;
        e.Length = length + 1;
        (e.FgKeep, e.FgSet) = Field(a.Fg, b.Fg, FgProbe);
        (e.BgKeep, e.BgSet) = Field(a.Bg, b.Bg, BgProbe);
        e.AttrSet = a.Attr;
        e.AttrKeep = b.Attr & ~a.Attr;
        // Cacheable when fields were assigned or kept (never mixed with the probe), attribute bits are
        // independent (bit-wise set/clear/keep), and neither underline colour nor hyperlink moved.
        e.Cacheable = a.UnderlineColor == 0 && b.UnderlineColor == 0 && a.Link == 0 && b.Link == 0
            && (e.FgKeep == uint.MaxValue || a.Fg == b.Fg) && (e.BgKeep == uint.MaxValue || a.Bg == b.Bg)
            && (a.Attr & ~b.Attr) == 0 && (b.Attr & ~AttrProbe) == 0;
    }

    /// <summary>A colour field is kept when the probe survived, otherwise assigned.</summary>
    private static (uint Keep, uint Set) Field(uint fromZero, uint fromProbe, uint probe) =>
        fromProbe == probe && fromZero == 0 ? (uint.MaxValue, 0u) : (0u, fromZero);
}
