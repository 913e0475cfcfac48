// Compares two rendered screens cell by cell and describes the differences readably.
using System.Text;

namespace Godel.Terminal.Tests.Differential;

/// <summary>What a comparison looks at; blanks are compared by what a person can see on them.</summary>
public sealed record GridComparison
{
    public bool CompareCursor { get; init; } = true;
    public bool CompareColors { get; init; } = true;
    public bool CompareAttributes { get; init; } = true;

    /// <summary>Compare colours and attributes of blank cells too. tmux and xterm fill erased,
    /// inserted and scrolled-in cells differently, so comparisons with tmux turn this off.</summary>
    public bool CompareBlankStyle { get; init; } = true;
}

public static class GridComparer
{
    /// <summary>Differences between <paramref name="expected"/> and <paramref name="actual"/>; empty when they match.</summary>
    public static IReadOnlyList<string> Differences(ScreenGrid expected, ScreenGrid actual, GridComparison? options = null)
    {
        options ??= new GridComparison();
        var diffs = new List<string>();
        if (expected.Columns != actual.Columns || expected.Rows != actual.Rows)
        {
            diffs.Add($"size {expected.Columns}x{expected.Rows} vs {actual.Columns}x{actual.Rows}");
            return diffs;
        }

        for (var y = 0; y < expected.Rows; y++)
        {
            for (var x = 0; x < expected.Columns; x++)
            {
                var e = Normalize(Orphan(expected, x, y), options);
                var a = Normalize(Orphan(actual, x, y), options);
                if (e != a)
                {
                    diffs.Add($"cell ({x},{y}): expected {e} but got {a}");
                }
            }
        }

        // A cursor parked past the last column (pending wrap) is shown in the last column.
        var ex = Math.Min(expected.CursorX, expected.Columns - 1);
        var ax = Math.Min(actual.CursorX, actual.Columns - 1);
        if (options.CompareCursor && (ex != ax || expected.CursorY != actual.CursorY))
        {
            diffs.Add($"cursor: expected ({ex},{expected.CursorY}) but got ({ax},{actual.CursorY})");
        }

        return diffs;
    }

    /// <summary>A report for a failed assertion: the differences (first 40) and both screens as text.</summary>
    public static string Describe(string title, ScreenGrid expected, ScreenGrid actual, IReadOnlyList<string> diffs)
    {
        var text = new StringBuilder();
        text.AppendLine($"{title}: {diffs.Count} difference(s)");
        foreach (var d in diffs.Take(40))
        {
            text.AppendLine("  " + d);
        }

        text.AppendLine("expected screen:").AppendLine(expected.Text());
        text.AppendLine("actual screen:").AppendLine(actual.Text());
        return text.ToString();
    }

    /// <summary>A right half with no wide character on its left (xterm.js leaves these after ICH on a
    /// right half) shows as a blank, so it is compared as one.</summary>
    private static GridCell Orphan(ScreenGrid grid, int x, int y)
    {
        var cell = grid[x, y];
        if (cell.Text.Length != 0)
        {
            return cell;
        }

        var left = x > 0 ? grid[x - 1, y].Text : "";
        var isWideHead = left.Length > 0 && Wcwidth.UnicodeCalculator.GetWidth(System.Text.Rune.GetRuneAt(left, 0)) == 2;
        return isWideHead ? cell : cell with { Text = " " };
    }

    /// <summary>On a blank, only what shows matters: background, and attributes drawn on empty space.</summary>
    private static GridCell Normalize(GridCell cell, GridComparison options)
    {
        var text = cell.Text.Length == 0 ? "" : cell.Text;
        var fg = cell.Foreground;
        var bg = cell.Background;
        var attrs = cell.Attributes;
        if (text == " " && !options.CompareBlankStyle)
        {
            return GridCell.Blank;
        }

        if (text == " ")
        {
            const CellAttributes visibleOnBlank = CellAttributes.Underline | CellAttributes.Reverse | CellAttributes.Strikethrough | CellAttributes.Overline;
            attrs &= visibleOnBlank;
            if ((attrs & visibleOnBlank) == 0)
            {
                fg = CellColor.Default;
            }
        }

        if (!options.CompareColors)
        {
            fg = bg = CellColor.Default;
        }

        if (!options.CompareAttributes)
        {
            attrs = CellAttributes.None;
        }

        return new GridCell(text, fg, bg, attrs);
    }
}
