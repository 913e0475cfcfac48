// Read-only views printed by `bead show` and `convoy show/status`: a bead with its commits and history.
namespace Godel.Beads.Model;

/// <summary>A commit on a work branch whose message or `Bead:` trailer names the bead.</summary>
public sealed record LinkedCommit(string Sha, string Branch, string Summary, string Author, DateTimeOffset Time);

/// <summary>One commit of `godel/beads` that changed the bead.</summary>
public sealed record HistoryEntry(string Sha, string Message, string Author, DateTimeOffset Time);

/// <summary>`bead show --json`.</summary>
public sealed record BeadDetails(Bead Bead, IReadOnlyList<string> OpenBlockers, IReadOnlyList<string> Convoys,
    IReadOnlyList<LinkedCommit> LinkedCommits, IReadOnlyList<HistoryEntry> History)
{
    public int Schema { get; init; } = BeadSchema.Current;
}

/// <summary>`convoy show --json`: the convoy and its beads; Missing are members without a readable bead.</summary>
public sealed record ConvoyDetails(ConvoyView Convoy, IReadOnlyList<Bead> Beads, IReadOnlyList<string> Missing)
{
    /// <summary>The members of Missing whose file exists but does not parse (repair with `bead edit`).</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    public int Schema { get; init; } = BeadSchema.Current;
}

/// <summary>One line of `convoy status`: what an unfinished bead is waiting on.</summary>
public sealed record WaitingBead(string Id, string Title, BeadStatus Status, string WaitingOn);

/// <summary>`convoy status --json`: progress of one active convoy.</summary>
public sealed record ConvoyProgress(string Id, string Name, int Done, int Total, IReadOnlyList<WaitingBead> Unfinished);
