// Structural invariants every emulator state must satisfy (checked after every fuzz/property step).
using Godel.Terminal.Screen;

namespace Godel.Terminal.Tests.Support;

internal static class Invariants
{
    /// <summary>Null when all hold, else what broke.</summary>
    public static string? Check(TerminalEmulator t)
    {
        var m = t.Model;
        if (m.X < 0 || m.X >= m.Columns || m.Y < 0 || m.Y >= m.Rows) return $"cursor ({m.Y},{m.X}) outside {m.Rows}x{m.Columns}";
        if (m.Top < 0 || m.Bottom >= m.Rows || m.Top >= m.Bottom && m.Rows > 1) return $"region {m.Top}-{m.Bottom}";
        if (m.TabStops.Length != m.Columns) return "tab stops size";
        foreach (var g in new[] { m.Main, m.Alternate })
        {
            if (g.Rows != m.Rows || g.Lines.Length != m.Rows) return "row count";
            for (var y = 0; y < g.Rows; y++)
            {
                var cells = g.Lines[y].Cells;
                if (cells.Length != m.Columns) return $"row {y} has {cells.Length} cells";
                for (var x = 0; x < cells.Length; x++)
                {
                    var c = cells[x];
                    if (c.IsWide && (x + 1 >= cells.Length || !cells[x + 1].IsWideTail)) return $"wide at ({y},{x}) without its right half";
                    if (c.IsWideTail && (x == 0 || !cells[x - 1].IsWide)) return $"right half at ({y},{x}) without its left half";
                    if (c.IsWideTail && (c.Fg != cells[x - 1].Fg || c.Bg != cells[x - 1].Bg || (c.Attr & AttrBits.StyleMask) != (cells[x - 1].Attr & AttrBits.StyleMask))) return $"wide halves at ({y},{x}) differ in style";
                }
            }
        }
        if (m.History.Bytes > Math.Max(0, m.Options.ScrollbackBytes)) return "history over budget";
        return null;
    }
}
