// Reads `capture-pane -p -e` style text (lines with SGR escapes) into a ScreenGrid; used for tmux and for Godel's Capture.
using System.Globalization;
using System.Text;
using Wcwidth;

namespace Godel.Terminal.Tests.Differential;

/// <summary>
/// Parses lines of text with embedded SGR sequences. The pen carries over from line to line, as
/// tmux writes only the changes from the previous cell. Wide characters take two cells.
/// </summary>
public static class SgrCaptureParser
{
    public static ScreenGrid Parse(string capture, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var grid = new ScreenGrid(columns, rows);
        var pen = new Pen();
        var lines = capture.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var y = 0; y < rows && y < lines.Length; y++)
        {
            ParseLine(lines[y], y, grid, pen);
        }

        return grid;
    }

    /// <summary>DEC special graphics (ESC ( 0) for 0x60-0x7e, as xterm draws them.</summary>
    private const string DecGraphics = "◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";

    private static void ParseLine(string line, int y, ScreenGrid grid, Pen pen)
    {
        var x = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\u001b')
            {
                i = ParseEscape(line, i, pen);
                continue;
            }

            if (line[i] is '\u000e' or '\u000f')
            {
                // tmux writes line-drawing cells between SO and SI (G1 = DEC graphics).
                pen.LineDrawing = line[i] == '\u000e';
                i++;
                continue;
            }

            var rune = Rune.GetRuneAt(line, i);
            i += rune.Utf16SequenceLength;
            if (pen.LineDrawing && rune.Value is >= 0x60 and <= 0x7e)
            {
                rune = new Rune(DecGraphics[rune.Value - 0x60]);
            }

            var width = UnicodeCalculator.GetWidth(rune.Value);
            if (width == 0 && x > 0)
            {
                // A combining mark joins the previous character.
                var prevX = grid[x - 1, y].Text.Length == 0 && x > 1 ? x - 2 : x - 1;
                var prev = grid[prevX, y];
                grid[prevX, y] = prev with { Text = prev.Text + rune };
                continue;
            }

            width = Math.Max(1, width);
            if (x + width > grid.Columns)
            {
                break;
            }

            grid[x, y] = new GridCell(rune.ToString(), pen.Foreground, pen.Background, pen.Attributes);
            if (width == 2)
            {
                grid[x + 1, y] = new GridCell("", pen.Foreground, pen.Background, pen.Attributes);
            }

            x += width;
        }
    }

    /// <summary>Consumes one escape sequence starting at <paramref name="start"/>; SGR updates the pen, others are skipped.</summary>
    private static int ParseEscape(string line, int start, Pen pen)
    {
        var i = start + 1;
        if (i >= line.Length)
        {
            return i;
        }

        if (line[i] == ']')
        {
            // OSC (hyperlinks): skip to BEL or ST.
            while (i < line.Length && line[i] != '\a' && !(line[i] == '\\' && line[i - 1] == '\u001b'))
            {
                i++;
            }

            return i + 1;
        }

        if (line[i] == '(' && i + 1 < line.Length)
        {
            // Designating G0 as DEC graphics (ESC ( 0) or ASCII (ESC ( B).
            pen.LineDrawing = line[i + 1] == '0';
            return i + 2;
        }

        if (line[i] != '[')
        {
            return i + 1;
        }

        var paramStart = ++i;
        while (i < line.Length && line[i] is >= '0' and <= '?' or ':')
        {
            i++;
        }

        if (i < line.Length && line[i] == 'm')
        {
            pen.Apply(line[paramStart..i]);
        }

        return i + 1;
    }

    /// <summary>The current SGR state.</summary>
    private sealed class Pen
    {
        public CellColor Foreground { get; private set; } = CellColor.Default;
        public CellColor Background { get; private set; } = CellColor.Default;
        public CellAttributes Attributes { get; private set; }

        public bool LineDrawing { get; set; }

        public void Apply(string parameters)
        {
            var ps = parameters.Length == 0 ? ["0"] : parameters.Split(';');
            for (var k = 0; k < ps.Length; k++)
            {
                var sub = ps[k].Split(':');
                var n = Number(sub[0]);
                if (n is 38 or 48 or 58)
                {
                    k = ApplyExtendedColor(n, sub, ps, k);
                    continue;
                }

                ApplySimple(n, sub);
            }
        }

        private void ApplySimple(int n, string[] sub)
        {
            switch (n)
            {
                case 0: Foreground = Background = CellColor.Default; Attributes = CellAttributes.None; break;
                case 1: Attributes |= CellAttributes.Bold; break;
                case 2: Attributes |= CellAttributes.Dim; break;
                case 3: Attributes |= CellAttributes.Italic; break;
                case 4:
                    Attributes = sub.Length > 1 && Number(sub[1]) == 0
                        ? Attributes & ~CellAttributes.Underline
                        : Attributes | CellAttributes.Underline;
                    break;
                // tmux's capture writes overline (53) as "5:3"; no terminal gives 5 a sub-parameter otherwise.
                case 5 when sub.Length > 1 && sub[1] == "3": Attributes |= CellAttributes.Overline; break;
                case 5 or 6: Attributes |= CellAttributes.Blink; break;
                case 7: Attributes |= CellAttributes.Reverse; break;
                case 8: Attributes |= CellAttributes.Invisible; break;
                case 9: Attributes |= CellAttributes.Strikethrough; break;
                case 21: Attributes |= CellAttributes.Underline; break;
                case 22: Attributes &= ~(CellAttributes.Bold | CellAttributes.Dim); break;
                case 23: Attributes &= ~CellAttributes.Italic; break;
                case 24: Attributes &= ~CellAttributes.Underline; break;
                case 25: Attributes &= ~CellAttributes.Blink; break;
                case 27: Attributes &= ~CellAttributes.Reverse; break;
                case 28: Attributes &= ~CellAttributes.Invisible; break;
                case 29: Attributes &= ~CellAttributes.Strikethrough; break;
                case >= 30 and <= 37: Foreground = CellColor.Palette(n - 30); break;
                case 39: Foreground = CellColor.Default; break;
                case >= 40 and <= 47: Background = CellColor.Palette(n - 40); break;
                case 49: Background = CellColor.Default; break;
                case 53: Attributes |= CellAttributes.Overline; break;
                case 55: Attributes &= ~CellAttributes.Overline; break;
                case >= 90 and <= 97: Foreground = CellColor.Palette(n - 90 + 8); break;
                case >= 100 and <= 107: Background = CellColor.Palette(n - 100 + 8); break;
                default: break;
            }
        }

        /// <summary>38/48/58 in both forms: "38;5;n" / "38;2;r;g;b" and "38:5:n" / "38:2:[cs]:r:g:b". Returns the last index used.</summary>
        private int ApplyExtendedColor(int n, string[] sub, string[] ps, int k)
        {
            CellColor color;
            if (sub.Length > 1)
            {
                color = Number(sub[1]) == 5 && sub.Length > 2
                    ? CellColor.Palette(Number(sub[2]))
                    : sub.Length >= 6 ? CellColor.Rgb(Number(sub[^3]), Number(sub[^2]), Number(sub[^1])) : CellColor.Default;
            }
            else if (k + 2 < ps.Length && Number(ps[k + 1]) == 5)
            {
                color = CellColor.Palette(Number(ps[k + 2]));
                k += 2;
            }
            else if (k + 4 < ps.Length && Number(ps[k + 1]) == 2)
            {
                color = CellColor.Rgb(Number(ps[k + 2]), Number(ps[k + 3]), Number(ps[k + 4]));
                k += 4;
            }
            else
            {
                return ps.Length;
            }

            if (n == 38)
            {
                Foreground = color;
            }
            else if (n == 48)
            {
                Background = color;
            }

            return k;
        }

        private static int Number(string s) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }
}
