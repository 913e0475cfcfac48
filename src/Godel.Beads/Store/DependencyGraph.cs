// Blocked-by edges between beads: cycle detection and "ready" (open with no open blockers).
using Godel.Beads.Model;

namespace Godel.Beads.Store;

internal static class DependencyGraph
{
    /// <summary>
    /// The cycle that making <paramref name="bead"/> blocked by <paramref name="blocker"/> would close, as
    /// `bead → blocker → … → bead`, or null when the edge is safe.
    /// </summary>
    public static IReadOnlyList<string>? CycleIfAdded(string bead, string blocker, Func<string, Bead?> lookup)
    {
        if (bead == blocker) return [bead, bead];
        var path = new List<string> { bead };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Walk(blocker, bead, lookup, path, seen) ? path : null;
    }

    /// <summary>Open beads whose blockers are all done (or gone), by priority then age.</summary>
    public static List<Bead> Ready(IEnumerable<Bead> beads, Func<string, Bead?> lookup)
    {
        var ready = new List<Bead>();
        foreach (var b in beads)
        {
            if (b.Status == BeadStatus.Open && !HasOpenBlocker(b, lookup)) ready.Add(b);
        }
        ready.Sort(static (x, y) =>
        {
            var c = x.Priority.CompareTo(y.Priority);
            if (c == 0) c = x.Created.CompareTo(y.Created);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        });
        return ready;
    }

    private static bool HasOpenBlocker(Bead b, Func<string, Bead?> lookup)
    {
        foreach (var id in b.BlockedBy)
        {
            if (lookup(id) is { IsDone: false }) return true;
        }
        return false;
    }

    public static List<string> OpenBlockers(Bead bead, Func<string, Bead?> lookup) =>
        bead.BlockedBy.Where(id => lookup(id) is { IsDone: false }).ToList();

    private static bool Walk(string at, string target, Func<string, Bead?> lookup, List<string> path, HashSet<string> seen)
    {
        path.Add(at);
        if (at == target) return true;
        if (seen.Add(at) && lookup(at) is { } b)
        {
            foreach (var next in b.BlockedBy)
            {
                if (Walk(next, target, lookup, path, seen)) return true;
            }
        }
        path.RemoveAt(path.Count - 1);
        return false;
    }
}
