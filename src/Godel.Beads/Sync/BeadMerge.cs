// Field-level three-way merge of one bead or convoy: the rules `godel sync` uses so neither side's update is lost.
using Godel.Beads.Model;

namespace Godel.Beads.Sync;

/// <summary>
/// For each field: unchanged on one side → the other side's value; changed on both to different values →
/// the side with the later `updated` wins (ours on a tie). Labels, blocked-by and commits merge as sets:
/// every addition from either side is kept, and a removal sticks unless the other side added it back.
/// Comments are unioned by (author, time, text) and kept in time order. Status, closed and close reason move together.
/// </summary>
public static class BeadMerge
{
    public static Bead Merge(Bead? @base, Bead ours, Bead theirs)
    {
        var theirsLater = theirs.Updated > ours.Updated;
        T Pick<T>(Func<Bead, T> field) => Scalar(@base is null ? default : field(@base), field(ours), field(theirs), @base is not null, theirsLater);
        var status = Pick(b => (b.Status, b.Closed, b.CloseReason));
        return ours with
        {
            Schema = BeadSchema.Current,
            Title = Pick(b => b.Title),
            Description = Pick(b => b.Description),
            Type = Pick(b => b.Type),
            Priority = Pick(b => b.Priority),
            Agent = Pick(b => b.Agent),
            Worktree = Pick(b => b.Worktree),
            Branch = Pick(b => b.Branch),
            Status = status.Status,
            Closed = status.Closed,
            CloseReason = status.CloseReason,
            Labels = Set(@base?.Labels, ours.Labels, theirs.Labels),
            BlockedBy = Set(@base?.BlockedBy, ours.BlockedBy, theirs.BlockedBy),
            Commits = Set(@base?.Commits, ours.Commits, theirs.Commits),
            Comments = ours.Comments.Concat(theirs.Comments).Distinct().OrderBy(c => c.Time).ToList(),
            Created = ours.Created <= theirs.Created ? ours.Created : theirs.Created,
            Updated = theirsLater ? theirs.Updated : ours.Updated,
        };
    }

    public static Convoy Merge(Convoy? @base, Convoy ours, Convoy theirs)
    {
        var theirsLater = theirs.Updated > ours.Updated;
        return ours with
        {
            Name = Scalar(@base?.Name, ours.Name, theirs.Name, @base is not null, theirsLater),
            Beads = Set(@base?.Beads, ours.Beads, theirs.Beads),
            Updated = theirsLater ? theirs.Updated : ours.Updated,
        };
    }

    private static T Scalar<T>(T? @base, T ours, T theirs, bool hasBase, bool theirsLater)
    {
        var eq = EqualityComparer<T>.Default;
        if (eq.Equals(ours, theirs)) return ours;
        if (hasBase && eq.Equals(ours, @base!)) return theirs;
        if (hasBase && eq.Equals(theirs, @base!)) return ours;
        return theirsLater ? theirs : ours;
    }

    /// <summary>Ours in order, then theirs' additions; an item in base that either side removed stays removed.</summary>
    private static List<string> Set(IReadOnlyList<string>? @base, IReadOnlyList<string> ours, IReadOnlyList<string> theirs)
    {
        var b = (@base ?? []).ToHashSet(StringComparer.Ordinal);
        var o = ours.ToHashSet(StringComparer.Ordinal);
        var t = theirs.ToHashSet(StringComparer.Ordinal);
        bool Keep(string x) => (o.Contains(x) && t.Contains(x)) || !b.Contains(x);
        return ours.Concat(theirs).Distinct(StringComparer.Ordinal).Where(Keep).ToList();
    }
}
