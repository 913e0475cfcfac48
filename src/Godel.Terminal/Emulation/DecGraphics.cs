// The DEC Special Graphics character set (ESC ( 0): line drawing for 0x5F..0x7E.
namespace Godel.Terminal.Emulation;

internal static class DecGraphics
{
    private const string Glyphs = "\u00A0◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";

    /// <summary>The Unicode character for <paramref name="b"/> in the graphics set (unchanged outside 0x5F..0x7E).</summary>
    public static int Map(byte b) => b >= 0x5F && b <= 0x7E ? Glyphs[b - 0x5F] : b;
}
