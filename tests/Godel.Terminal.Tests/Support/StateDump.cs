// A readable dump of everything an emulator holds (both buffers, history, cursor, pen, modes), for equality checks.
using System.Text;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Tests.Support;

internal static class StateDump
{
    public static string Of(TerminalEmulator t)
    {
        var m = t.Model;
        var sb = new StringBuilder();
        sb.AppendLine($"size {m.Columns}x{m.Rows} alt={m.AlternateActive} cursor=({m.Y},{m.X}) pending={m.PendingWrap}");
        sb.AppendLine($"region {m.Top}-{m.Bottom} title='{m.Title}' icon='{m.IconName}' style={m.CursorStyle}");
        sb.AppendLine($"modes {m.Modes}");
        sb.AppendLine($"charsets g0={m.G0Graphics} g1={m.G1Graphics} so={m.ShiftOut}");
        sb.AppendLine($"pen {Pen(m, m.Pen)}");
        sb.AppendLine($"savedMain {Saved(m, m.SavedMain)}");
        sb.AppendLine($"savedAlt {Saved(m, m.SavedAlternate)}");
        sb.AppendLine("tabs " + string.Join(",", m.TabStops.Select((on, i) => on ? i : -1).Where(i => i >= 0)));
        sb.AppendLine($"history {m.History.Count}");
        var buffer = new Cell[m.Columns];
        for (var i = 0; i < m.History.Count; i++)
        {
            var need = Math.Max(m.Columns, LineCodec.CellCount(m.History.Encoded(i, out _)));
            if (buffer.Length < need) buffer = new Cell[need];
            var wrapped = m.History.Read(i, buffer, m.Clusters);
            sb.AppendLine($"h{i} w={wrapped} {Cells(t, buffer)}");
        }
        Grid(sb, t, "main", m.Main);
        Grid(sb, t, "alt", m.Alternate);
        return sb.ToString();
    }

    private static void Grid(StringBuilder sb, TerminalEmulator t, string name, Grid g)
    {
        for (var y = 0; y < g.Rows; y++)
        {
            // The bottom row's wrap flag cannot be replayed (it would need a row below it).
            var wrapped = y < g.Rows - 1 && g.Lines[y].Wrapped;
            sb.AppendLine($"{name}{y} w={wrapped} {Cells(t, g.Lines[y].Cells)}");
        }
    }

    private static string Cells(TerminalEmulator t, Cell[] cells)
    {
        var sb = new StringBuilder();
        var view = t.Screen;
        for (var x = 0; x < cells.Length; x++)
        {
            var v = view.View(cells[x]);
            if (v.Text.Length == 0 && v.Width == 1 && v.Background == Color.Default && v.Attributes == 0) sb.Append('·');
            else sb.Append('[').Append(v).Append(v.UnderlineColor).Append(v.Hyperlink).Append(']');
        }
        return sb.ToString();
    }

    private static string Pen(ScreenModel m, Pen p)
    {
        var link = p.Link == 0 ? "" : m.Extras.GetLink(p.Link).ToString();
        return $"fg={Color.FromPacked(p.Fg)} bg={Color.FromPacked(p.Bg)} attr={p.Attr & 0xFFFF:x} ul={Color.FromPacked(p.UnderlineColor)} link={link}";
    }

    private static string Saved(ScreenModel m, SavedCursor s) =>
        !s.Valid ? "none" : $"({s.Y},{s.X}) origin={s.Origin} g0={s.G0Graphics} g1={s.G1Graphics} so={s.ShiftOut} {Pen(m, s.Pen)}";
}
