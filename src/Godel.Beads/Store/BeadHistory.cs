// A bead's history (commits of godel/beads naming it) and its linked commits (work branches mentioning it).
using Godel.Beads.Model;
using LibGit2Sharp;

namespace Godel.Beads.Store;

internal static class BeadHistory
{
    private const int MaxCommitsWalked = 20_000;

    /// <summary>
    /// Commits of `godel/beads` whose message names the bead. Every Godel write names the bead it changes
    /// (merges list each bead they touched), so this equals the file's log without diffing 10k-entry trees.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Of(StoreEngine engine, string id, int limit)
    {
        if (engine.Paths.ReadBeadsRef() is not { } head) return [];
        var filter = new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.Time };
        return engine.Repo.Commits.QueryBy(filter).Take(MaxCommitsWalked)
            .Where(c => Names(c.Message, id))
            .Take(limit)
            .Select(c => new HistoryEntry(c.Sha, c.Message.TrimEnd('\n'), c.Author.Name, c.Author.When))
            .Reverse().ToList();
    }

    /// <summary>Commits on any local branch (except godel/beads) whose message or `Bead:` trailer names the bead.</summary>
    public static IReadOnlyList<LinkedCommit> LinkedCommits(StoreEngine engine, string id, int limit)
    {
        var repo = engine.Repo;
        var found = new Dictionary<string, LinkedCommit>(StringComparer.Ordinal);
        foreach (var branch in repo.Branches.Where(b => !b.IsRemote && b.CanonicalName != GitPaths.BeadsRef && b.Tip is not null))
        {
            var filter = new CommitFilter { IncludeReachableFrom = branch.Tip, SortBy = CommitSortStrategies.Time };
            foreach (var c in repo.Commits.QueryBy(filter).Take(MaxCommitsWalked / 4))
            {
                if (found.ContainsKey(c.Sha) || !Names(c.Message, id)) continue;
                found[c.Sha] = new LinkedCommit(c.Sha, branch.FriendlyName, c.MessageShort, c.Author.Name, c.Author.When);
                if (found.Count >= limit) break;
            }
        }
        return found.Values.OrderByDescending(c => c.Time).ToList();
    }

    /// <summary>True when <paramref name="message"/> contains the id as a whole word (not inside a longer id).</summary>
    public static bool Names(string message, string id)
    {
        for (var at = message.IndexOf(id, StringComparison.Ordinal); at >= 0; at = message.IndexOf(id, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : message[at - 1];
            var end = at + id.Length;
            var after = end >= message.Length ? ' ' : message[end];
            if (!IsIdChar(before) && !IsIdChar(after)) return true;
        }
        return false;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
