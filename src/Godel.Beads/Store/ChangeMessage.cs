// Commit messages that say what changed: `godel-a3f9k: status open → in-progress`.
using System.Globalization;
using Godel.Beads.Model;

namespace Godel.Beads.Store;

internal static class ChangeMessage
{
    public static string Created(Bead b) => $"{b.Id}: created \"{OneLine(b.Title)}\"";

    /// <summary>Lists every field that differs between two versions of a bead.</summary>
    public static string Describe(Bead old, Bead now)
    {
        var parts = new List<string>();
        Field(parts, "title", $"\"{OneLine(old.Title)}\"", $"\"{OneLine(now.Title)}\"");
        Field(parts, "status", old.Status.Name(), now.Status.Name());
        Field(parts, "type", old.Type.Name(), now.Type.Name());
        Field(parts, "priority", old.Priority.ToString(CultureInfo.InvariantCulture), now.Priority.ToString(CultureInfo.InvariantCulture));
        Field(parts, "agent", old.Agent ?? "none", now.Agent ?? "none");
        Field(parts, "worktree", old.Worktree ?? "none", now.Worktree ?? "none");
        Field(parts, "branch", old.Branch ?? "none", now.Branch ?? "none");
        if (old.Description != now.Description) parts.Add("description edited");
        Sets(parts, "label", old.Labels, now.Labels);
        Sets(parts, "blocked by", old.BlockedBy, now.BlockedBy);
        Sets(parts, "commit", old.Commits, now.Commits);
        if (now.Comments.Count > old.Comments.Count)
        {
            var c = now.Comments[^1];
            parts.Add($"comment by {c.Author}: \"{Clip(OneLine(c.Text), 60)}\"");
        }
        if (old.CloseReason != now.CloseReason && now.CloseReason is not null) parts.Add($"reason \"{Clip(OneLine(now.CloseReason), 60)}\"");
        return $"{now.Id}: {(parts.Count == 0 ? "touched" : string.Join(", ", parts))}";
    }

    public static string DescribeConvoy(Convoy? old, Convoy now)
    {
        if (old is null) return $"{now.Id}: created convoy \"{OneLine(now.Name)}\"";
        var parts = new List<string>();
        Field(parts, "name", $"\"{OneLine(old.Name)}\"", $"\"{OneLine(now.Name)}\"");
        Sets(parts, "bead", old.Beads, now.Beads);
        return $"{now.Id}: {(parts.Count == 0 ? "touched" : string.Join(", ", parts))}";
    }

    private static void Field(List<string> parts, string name, string old, string now)
    {
        if (old != now) parts.Add($"{name} {old} → {now}");
    }

    private static void Sets(List<string> parts, string name, IReadOnlyList<string> old, IReadOnlyList<string> now)
    {
        foreach (var added in now.Except(old, StringComparer.Ordinal)) parts.Add($"+{name} {added}");
        foreach (var removed in old.Except(now, StringComparer.Ordinal)) parts.Add($"-{name} {removed}");
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
