// `tmux capture-pane -p [-e]` for Godel: the screen and history as text, optionally with tmux-style SGR codes.
using System.Text;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Serialization;

/// <summary>
/// Renders rows the way tmux 3.3a's <c>grid_string_cells</c> does: right halves of wide characters
/// skipped, blanks as spaces, trailing spaces trimmed, one line per row each ending in '\n'. With
/// escapes, SGR codes are emitted on every change exactly as tmux's <c>grid_string_cells_code</c>
/// (state carried across lines), so captures compare byte for byte.
/// </summary>
internal static class CaptureWriter
{
    public static string Write(ScreenModel m, CaptureOptions o)
    {
        var sb = new StringBuilder();
        var state = new TmuxSgrState();
        var trim = !o.KeepTrailingSpaces;
        if (!m.AlternateActive && o.ScrollbackLines > 0)
        {
            var n = Math.Min(o.ScrollbackLines, m.History.Count);
            var buffer = new Cell[m.Columns];
            for (var i = m.History.Count - n; i < m.History.Count; i++)
            {
                var need = Math.Max(m.Columns, LineCodec.CellCount(m.History.Encoded(i, out _)));
                if (buffer.Length < need) buffer = new Cell[need];
                m.History.Read(i, buffer, m.Clusters);
                AppendRow(sb, m, buffer, o.WithEscapes, trim, ref state);
            }
        }
        if (!o.IncludeScreen) return sb.ToString();
        foreach (var row in m.Active.Lines) AppendRow(sb, m, row.Cells, o.WithEscapes, trim, ref state);
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, ScreenModel m, Cell[] cells, bool escapes, bool trim, ref TmuxSgrState state)
    {
        var start = sb.Length;
        var length = trim ? ContentLength(cells) : cells.Length;
        for (var x = 0; x < length; x++)
        {
            var c = cells[x];
            if (c.IsWideTail) continue;
            if (escapes) state.Transition(sb, m, c);
            if (c.Code == 0) sb.Append(' ');
            else if (c.Code > 0 && c.Code < 0x80) sb.Append((char)c.Code);
            else sb.Append(m.Clusters.TextOf(c.Code));
        }
        if (trim)
        {
            var end = sb.Length;
            while (end > start && sb[end - 1] == ' ') end--;
            sb.Length = end;
        }
        sb.Append('\n');
    }

    /// <summary>Like tmux's <c>cellused</c>: trailing erased cells are not part of the line, even when coloured.</summary>
    private static int ContentLength(Cell[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            if (!cells[i].IsBlank) return i + 1;
        }
        return 0;
    }

    /// <summary>One row's plain text (for <see cref="TerminalScreen.GetRowText"/>).</summary>
    public static string PlainRow(ScreenModel m, Cell[] cells, bool trim)
    {
        var sb = new StringBuilder();
        var state = default(TmuxSgrState);
        AppendRow(sb, m, cells, escapes: false, trim, ref state);
        sb.Length--;
        return sb.ToString();
    }
}
