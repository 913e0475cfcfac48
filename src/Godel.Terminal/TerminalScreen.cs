// Read-only, cell-level view of an emulator's screen and history, for renderers and tests.
using Godel.Terminal.Screen;

namespace Godel.Terminal;

/// <summary>DECSCUSR cursor shapes (0 = the terminal's default).</summary>
public enum CursorStyle
{
    Default = 0,
    BlinkingBlock = 1,
    SteadyBlock = 2,
    BlinkingUnderline = 3,
    SteadyUnderline = 4,
    BlinkingBar = 5,
    SteadyBar = 6,
}

/// <summary>
/// One cell as a reader sees it. <see cref="Text"/> is "" for a blank cell and for the right half of a
/// wide character (<see cref="Width"/> 0); a wide character's left half has width 2.
/// </summary>
public readonly record struct CellView(
    string Text,
    int Width,
    Color Foreground,
    Color Background,
    CellAttributes Attributes,
    UnderlineStyle Underline,
    Color UnderlineColor,
    string? Hyperlink)
{
    public override string ToString() => $"'{Text}' w{Width} fg={Foreground} bg={Background} {Attributes} ul={Underline}";
}

/// <summary>Reads the active buffer (rows 0..Rows-1) and history lines (0 = oldest).</summary>
public sealed class TerminalScreen
{
    private readonly ScreenModel _m;

    internal TerminalScreen(ScreenModel model) => _m = model;

    public int Columns => _m.Columns;

    public int Rows => _m.Rows;

    public int CursorRow => _m.Y;

    public int CursorColumn => _m.X;

    /// <summary>The last column was written and the next character wraps first.</summary>
    public bool PendingWrap => _m.PendingWrap;

    public bool CursorVisible => _m.Modes.CursorVisible;

    public CursorStyle CursorStyle => (CursorStyle)_m.CursorStyle;

    public bool AlternateScreenActive => _m.AlternateActive;

    public int ScrollRegionTop => _m.Top;

    public int ScrollRegionBottom => _m.Bottom;

    public int ScrollbackLineCount => _m.History.Count;

    /// <summary>Encoded bytes the history holds (the budget applies to this).</summary>
    public long ScrollbackBytes => _m.History.Bytes;

    public CellView GetCell(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(row), $"({row},{column}) is outside {Rows}x{Columns}");
        return View(_m.Active.Lines[row].Cells[column]);
    }

    /// <summary>True when visible row <paramref name="row"/> continues on the next row (soft wrap).</summary>
    public bool IsWrapped(int row) => _m.Active.Lines[row].Wrapped;

    /// <summary>The text of a visible row, wide characters once, trailing blanks trimmed.</summary>
    public string GetRowText(int row) => Serialization.CaptureWriter.PlainRow(_m, _m.Active.Lines[row].Cells, trim: true);

    /// <summary>History line <paramref name="index"/> (0 = oldest) as cells, padded to the current width.</summary>
    public IReadOnlyList<CellView> GetScrollbackLine(int index)
    {
        if ((uint)index >= (uint)_m.History.Count) throw new ArgumentOutOfRangeException(nameof(index), $"history has {_m.History.Count} lines");
        var cells = new Cell[Math.Max(Columns, LineCodec.CellCount(_m.History.Encoded(index, out _)))];
        _m.History.Read(index, cells, _m.Clusters);
        return [.. cells.Select(View)];
    }

    internal CellView View(Cell c)
    {
        var text = c.IsWideTail ? "" : c.Code == 0 ? "" : _m.Clusters.TextOf(c.Code);
        var width = c.IsWideTail ? 0 : c.IsWide ? 2 : 1;
        var (ul, link) = _m.Extras.Get(AttrBits.Extra(c.Attr));
        return new CellView(
            text,
            width,
            Color.FromPacked(c.Fg),
            Color.FromPacked(c.Bg),
            (CellAttributes)(c.Attr & AttrBits.FlagsMask),
            (UnderlineStyle)AttrBits.Underline(c.Attr),
            Color.FromPacked(ul),
            link == 0 ? null : _m.Extras.GetLink(link).Uri);
    }
}
