// One grid cell: 16 bytes, stored by value in flat row arrays.
namespace Godel.Terminal.Screen;

/// <summary>
/// A cell. <see cref="Code"/> is a Unicode scalar, 0 for a blank (never written or erased) cell,
/// or negative for a grapheme cluster (base + combining marks) interned in <see cref="ClusterTable"/>
/// as <c>~Code</c>. Fg/Bg are packed <see cref="Color"/>s; Attr is laid out as <see cref="AttrBits"/> says.
/// An erased cell is always <c>{0, 0, bg, 0}</c> so blanks compare equal however they were made.
/// </summary>
internal struct Cell : IEquatable<Cell>
{
    public int Code;
    public uint Fg;
    public uint Bg;
    public uint Attr;

    public Cell(int code, uint fg, uint bg, uint attr)
    {
        Code = code;
        Fg = fg;
        Bg = bg;
        Attr = attr;
    }

    public static Cell Blank(uint bg) => new(0, 0, bg, 0);

    public readonly bool IsBlank => Code == 0 && (Attr & AttrBits.WideTail) == 0;

    public readonly bool IsWideTail => (Attr & AttrBits.WideTail) != 0;

    public readonly bool IsWide => (Attr & AttrBits.Wide) != 0;

    public readonly bool Equals(Cell other) => Code == other.Code && Fg == other.Fg && Bg == other.Bg && Attr == other.Attr;

    public override readonly bool Equals(object? obj) => obj is Cell c && Equals(c);

    public override readonly int GetHashCode() => HashCode.Combine(Code, Fg, Bg, Attr);

    public static bool operator ==(Cell a, Cell b) => a.Equals(b);

    public static bool operator !=(Cell a, Cell b) => !a.Equals(b);
}
