// Human output for beads and convoys: aligned tables and detail pages, coloured only on a terminal.
using System.Globalization;
using System.Text;
using Godel.Beads.Model;
using Godel.Beads.Store;

namespace Godel.Cli.Beads;

internal static class BeadFormat
{
    private const int TitleWidth = 60;

    /// <summary>Left-aligned columns separated by two spaces; colour codes do not count toward width.</summary>
    public static void Table(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, bool colour)
    {
        var all = rows.ToList();
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count; i++) widths[i] = Math.Max(widths[i], row[i].Text.Length);
        }
        var sb = new StringBuilder();
        AppendRow(sb, headers.Select(h => new Cell(h, colour ? "1" : null)).ToList(), widths, colour);
        foreach (var row in all) AppendRow(sb, row, widths, colour);
        output.Write(sb.ToString());
    }

    public static IReadOnlyList<Cell> BeadRow(Bead b, IReadOnlyDictionary<string, string> shortIds) =>
    [
        new(shortIds.GetValueOrDefault(b.Id, b.Id), "36"),
        new($"P{b.Priority}", b.Priority switch { 0 => "31;1", 1 => "33", _ => null }),
        new(b.Type.Name(), null),
        new(b.Status.Name(), StatusColour(b.Status)),
        new(Clip(b.Title, TitleWidth), null),
        new(b.Agent ?? "", "35"),
        new(string.Join(",", b.Labels), "2"),
    ];

    public static readonly IReadOnlyList<string> BeadHeaders = ["ID", "P", "TYPE", "STATUS", "TITLE", "AGENT", "LABELS"];

    public static void BeadTable(TextWriter output, IReadOnlyCollection<Bead> beads, StoreView view, bool colour)
    {
        if (beads.Count == 0)
        {
            output.WriteLine("no beads");
            return;
        }
        var shortIds = BeadIds.Shortened(view.Beads.Keys);
        Table(output, BeadHeaders, beads.Select(b => BeadRow(b, shortIds)), colour);
    }

    public static void Details(TextWriter o, BeadDetails d, bool colour)
    {
        var b = d.Bead;
        o.WriteLine($"{Paint(b.Id, "36;1", colour)}  {Paint(b.Title, "1", colour)}");
        Line(o, "status", Paint(b.Status.Name(), StatusColour(b.Status), colour));
        Line(o, "type", b.Type.Name());
        Line(o, "priority", $"P{b.Priority}");
        if (b.Labels.Count > 0) Line(o, "labels", string.Join(", ", b.Labels));
        if (b.Agent is not null) Line(o, "agent", b.Agent);
        if (b.Worktree is not null) Line(o, "worktree", b.Worktree);
        if (b.Branch is not null) Line(o, "branch", b.Branch);
        if (b.BlockedBy.Count > 0)
            Line(o, "blocked by", string.Join(", ", b.BlockedBy.Select(x => d.OpenBlockers.Contains(x) ? x : $"{x} (done)")));
        if (d.Convoys.Count > 0) Line(o, "convoys", string.Join(", ", d.Convoys));
        Line(o, "created", Time(b.Created));
        Line(o, "updated", Time(b.Updated));
        if (b.Closed is { } closed) Line(o, "closed", Time(closed) + (b.CloseReason is null ? "" : $" ({b.CloseReason})"));
        if (b.Description.Length > 0)
        {
            o.WriteLine();
            foreach (var line in b.Description.ReplaceLineEndings("\n").Split('\n')) o.WriteLine($"  {line}");
        }
        Section(o, "comments", b.Comments.Select(c => $"{Time(c.Time)}  {c.Author}: {c.Text}"), colour);
        Section(o, "linked commits", d.LinkedCommits.Select(c => $"{c.Sha[..10]}  {c.Branch}  {c.Summary}"), colour);
        Section(o, "history", d.History.Select(h => $"{Time(h.Time)}  {h.Author}: {h.Message.Split('\n')[0]}"), colour);
    }

    public static string StatusColour(BeadStatus s) => s switch
    {
        BeadStatus.Open => "32",
        BeadStatus.InProgress => "33",
        BeadStatus.Blocked => "31",
        _ => "2",
    };

    public static string Paint(string text, string? code, bool colour) =>
        colour && code is not null && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Clip(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }

    private static void Line(TextWriter o, string label, string value) => o.WriteLine($"  {label,-11} {value}");

    private static void Section(TextWriter o, string title, IEnumerable<string> lines, bool colour)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        o.WriteLine();
        o.WriteLine(Paint(title, "1", colour));
        foreach (var line in list) o.WriteLine($"  {line}");
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<Cell> row, int[] widths, bool colour)
    {
        for (var i = 0; i < row.Count; i++)
        {
            var last = i == row.Count - 1;
            sb.Append(Paint(row[i].Text, row[i].Colour, colour));
            if (!last) sb.Append(' ', widths[i] - row[i].Text.Length + 2);
        }
        // Trailing spaces from empty last columns would make golden output fragile.
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        sb.Append('\n');
    }
}

/// <summary>One table cell: its text and an optional SGR colour code.</summary>
internal sealed record Cell(string Text, string? Colour);
