// A neutral model of a terminal screen (cells with text, colours, attributes, plus the cursor) that every reference renders into.
namespace Godel.Terminal.Tests.Differential;

public enum ColorKind
{
    Default,
    Palette,
    Rgb,
}

/// <summary>A colour; palette 0-15 is the same whether set by SGR 31/91 or 38;5;n. Rgb packs 0xRRGGBB.</summary>
public readonly record struct CellColor(ColorKind Kind, int Value)
{
    public static readonly CellColor Default = new(ColorKind.Default, 0);

    public static CellColor Palette(int index) => new(ColorKind.Palette, index);

    public static CellColor Rgb(int r, int g, int b) => new(ColorKind.Rgb, (r << 16) | (g << 8) | b);

    public override string ToString() => Kind switch
    {
        ColorKind.Default => "default",
        ColorKind.Palette => $"p{Value}",
        _ => $"#{Value:x6}",
    };
}

[Flags]
public enum CellAttributes
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Italic = 4,
    Underline = 8,
    Blink = 16,
    Reverse = 32,
    Invisible = 64,
    Strikethrough = 128,
    Overline = 256,
}

/// <summary>One cell. Text is "" for the right half of a wide character.</summary>
public readonly record struct GridCell(string Text, CellColor Foreground, CellColor Background, CellAttributes Attributes)
{
    public static readonly GridCell Blank = new(" ", CellColor.Default, CellColor.Default, CellAttributes.None);

    public override string ToString() =>
        $"'{Text}' fg={Foreground} bg={Background}{(Attributes == CellAttributes.None ? "" : " " + Attributes)}";
}

/// <summary>A rendered screen: Rows × Columns cells and a 0-based cursor.</summary>
public sealed class ScreenGrid
{
    private readonly GridCell[][] _rows;

    public ScreenGrid(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _rows = Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(GridCell.Blank, columns).ToArray()).ToArray();
    }

    public int Columns { get; }

    public int Rows { get; }

    public int CursorX { get; set; }

    public int CursorY { get; set; }

    public GridCell this[int x, int y]
    {
        get => _rows[y][x];
        set => _rows[y][x] = value;
    }

    /// <summary>The text of one row, trailing blanks trimmed (wide continuations skipped).</summary>
    public string RowText(int y) => string.Concat(_rows[y].Select(c => c.Text)).TrimEnd();

    public string Text() => string.Join('\n', Enumerable.Range(0, Rows).Select(RowText));
}
