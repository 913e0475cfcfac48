// A cell colour: the terminal default, one of 256 indexed colours, or 24-bit RGB, packed in 32 bits.
namespace Godel.Terminal.Screen;

public enum ColorKind : byte
{
    Default,

    /// <summary>Set through the 256-colour form (38;5;n).</summary>
    Indexed,
    Rgb,

    /// <summary>One of the 16 ANSI colours set by SGR 30–37, 90–97, 40–47, 100–107 (tmux and xterm.js keep these apart from 38;5;n).</summary>
    Ansi,
}

/// <summary>A colour as the child set it. Equality is exact, so grids compare cell by cell.</summary>
public readonly record struct Color
{
    private const uint IndexedTag = 0x0100_0000;
    private const uint RgbTag = 0x0200_0000;
    private const uint AnsiTag = 0x0300_0000;

    private Color(uint packed) => Packed = packed;

    /// <summary>0 = default; 0x01_0000nn = 256-colour index nn; 0x02_rrggbb = RGB; 0x03_00000n = ANSI colour n.</summary>
    public uint Packed { get; }

    public static Color Default => default;

    public static Color Indexed(int index) => new(IndexedTag | (uint)(index & 0xFF));

    public static Color Ansi(int index) => new(AnsiTag | (uint)(index & 0x0F));

    public static Color Rgb(int r, int g, int b) => new(RgbTag | ((uint)(r & 0xFF) << 16) | ((uint)(g & 0xFF) << 8) | (uint)(b & 0xFF));

    public static Color FromPacked(uint packed) => new(packed);

    public ColorKind Kind => (Packed >> 24) switch { 1 => ColorKind.Indexed, 2 => ColorKind.Rgb, 3 => ColorKind.Ansi, _ => ColorKind.Default };

    public int Index => (int)(Packed & 0xFF);

    public byte R => (byte)(Packed >> 16);

    public byte G => (byte)(Packed >> 8);

    public byte B => (byte)Packed;

    public override string ToString() => Kind switch
    {
        ColorKind.Indexed => $"idx{Index}",
        ColorKind.Ansi => $"ansi{Index}",
        ColorKind.Rgb => $"#{R:x2}{G:x2}{B:x2}",
        _ => "default",
    };
}
