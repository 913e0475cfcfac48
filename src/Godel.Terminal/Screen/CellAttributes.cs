// Cell attribute bits, underline styles and the packed layout of Cell.Attr.
namespace Godel.Terminal.Screen;

/// <summary>SGR rendition flags of a cell (underline is a separate style).</summary>
[Flags]
public enum CellAttributes
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Italic = 4,
    Blink = 8,
    Inverse = 16,
    Hidden = 32,
    Strikethrough = 64,
    Overline = 128,
    RapidBlink = 256,
}

/// <summary>SGR 4:n underline styles.</summary>
public enum UnderlineStyle
{
    None = 0,
    Single = 1,
    Double = 2,
    Curly = 3,
    Dotted = 4,
    Dashed = 5,
}

/// <summary>
/// Layout of <see cref="Cell.Attr"/>: bits 0..8 <see cref="CellAttributes"/>, bits 9..11 underline
/// style, bit 12 wide (left half of a 2-column character), bit 13 wide tail (its right half),
/// bits 16..31 an index into <see cref="StyleExtras"/> (underline colour and hyperlink; 0 = none).
/// </summary>
internal static class AttrBits
{
    internal const uint FlagsMask = 0x1FF;
    internal const int UnderlineShift = 9;
    internal const uint UnderlineMask = 0x7u << UnderlineShift;
    internal const uint Wide = 1u << 12;
    internal const uint WideTail = 1u << 13;
    internal const uint WidthMask = Wide | WideTail;
    internal const int ExtraShift = 16;
    internal const uint StyleMask = ~WidthMask;

    internal static int Underline(uint attr) => (int)((attr & UnderlineMask) >> UnderlineShift);

    internal static uint WithUnderline(uint attr, int style) => (attr & ~UnderlineMask) | ((uint)style << UnderlineShift);

    internal static int Extra(uint attr) => (int)(attr >> ExtraShift);

    internal static uint WithExtra(uint attr, int extra) => (attr & 0xFFFF) | ((uint)extra << ExtraShift);
}
