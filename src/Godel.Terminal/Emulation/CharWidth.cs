// Column width of a Unicode scalar (Wcwidth), with a fast answer for the common ranges.
using Wcwidth;

namespace Godel.Terminal.Emulation;

internal static class CharWidth
{
    /// <summary>0 for combining marks, 1 or 2 columns, -1 for controls.</summary>
    public static int Of(int codePoint)
    {
        if (codePoint < 0x300) return codePoint >= 0xA0 ? 1 : codePoint >= 0x20 && codePoint < 0x7F ? 1 : -1;
        return UnicodeCalculator.GetWidth(codePoint);
    }
}
