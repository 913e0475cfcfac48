// Feeds a byte stream into Godel's emulator and reads the screen as a ScreenGrid, through the cell API or through Capture.
using Emu = Godel.Terminal.Screen;

namespace Godel.Terminal.Tests.Differential;

public static class GodelRenderer
{
    public static TerminalEmulator Feed(byte[] stream, int columns, int rows)
    {
        var terminal = new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows });
        terminal.Feed(stream);
        return terminal;
    }

    /// <summary>The screen as the cell API reports it.</summary>
    public static ScreenGrid FromCells(TerminalEmulator terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var screen = terminal.Screen;
        var grid = new ScreenGrid(screen.Columns, screen.Rows) { CursorX = screen.CursorColumn, CursorY = screen.CursorRow };
        for (var y = 0; y < screen.Rows; y++)
        {
            for (var x = 0; x < screen.Columns; x++)
            {
                grid[x, y] = Cell(screen.GetCell(y, x));
            }
        }

        return grid;
    }

    /// <summary>The screen as Capture(WithEscapes) writes it, read back by the parser used for tmux.</summary>
    public static ScreenGrid FromCapture(TerminalEmulator terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var text = terminal.Capture(new CaptureOptions { WithEscapes = true, KeepTrailingSpaces = true });
        var grid = SgrCaptureParser.Parse(text, terminal.Columns, terminal.Rows);
        grid.CursorX = terminal.Screen.CursorColumn;
        grid.CursorY = terminal.Screen.CursorRow;
        return grid;
    }

    public static ScreenGrid Render(byte[] stream, int columns, int rows) => FromCells(Feed(stream, columns, rows));

    /// <summary>The main buffer's history in the form xterm.js reports it (wrap flags moved to the continuing line).</summary>
    public static HistoryDump HistoryOf(TerminalEmulator terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var history = terminal.Model.History;
        var grid = new ScreenGrid(terminal.Columns, history.Count);
        var continues = new bool[history.Count + 1];
        var buffer = new Emu.Cell[terminal.Columns * 4];
        for (var i = 0; i < history.Count; i++)
        {
            continues[i + 1] = history.Read(i, buffer, terminal.Model.Clusters);
            var line = terminal.Screen.GetScrollbackLine(i);
            for (var x = 0; x < terminal.Columns; x++) grid[x, i] = Cell(line[x]);
        }

        return new HistoryDump(grid, continues);
    }

    private static GridCell Cell(CellView view)
    {
        var text = view.Width == 0 ? "" : view.Text.Length == 0 ? " " : view.Text;
        return new GridCell(text, Color(view.Foreground), Color(view.Background), Attributes(view));
    }

    private static CellColor Color(Emu.Color color) => color.Kind switch
    {
        Emu.ColorKind.Ansi or Emu.ColorKind.Indexed => CellColor.Palette(color.Index),
        Emu.ColorKind.Rgb => CellColor.Rgb(color.R, color.G, color.B),
        _ => CellColor.Default,
    };

    private static CellAttributes Attributes(CellView view)
    {
        var a = view.Attributes;
        var result = CellAttributes.None;
        result |= a.HasFlag(Emu.CellAttributes.Bold) ? CellAttributes.Bold : 0;
        result |= a.HasFlag(Emu.CellAttributes.Dim) ? CellAttributes.Dim : 0;
        result |= a.HasFlag(Emu.CellAttributes.Italic) ? CellAttributes.Italic : 0;
        result |= (a & (Emu.CellAttributes.Blink | Emu.CellAttributes.RapidBlink)) != 0 ? CellAttributes.Blink : 0;
        result |= a.HasFlag(Emu.CellAttributes.Inverse) ? CellAttributes.Reverse : 0;
        result |= a.HasFlag(Emu.CellAttributes.Hidden) ? CellAttributes.Invisible : 0;
        result |= a.HasFlag(Emu.CellAttributes.Strikethrough) ? CellAttributes.Strikethrough : 0;
        result |= a.HasFlag(Emu.CellAttributes.Overline) ? CellAttributes.Overline : 0;
        result |= view.Underline != Emu.UnderlineStyle.None ? CellAttributes.Underline : 0;
        return result;
    }
}
