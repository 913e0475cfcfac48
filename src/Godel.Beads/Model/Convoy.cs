// A convoy: a named bundle of beads, stored in `.godel/convoys/<id>.json`.
namespace Godel.Beads.Model;

/// <summary>A named bundle of beads. Its status is derived from its beads (see <see cref="ConvoyView"/>).</summary>
public sealed record Convoy
{
    public int Schema { get; init; } = BeadSchema.Current;
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Beads { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
}

/// <summary>A convoy with its derived progress: what `convoy list/show --json` prints.</summary>
public sealed record ConvoyView
{
    public int Schema { get; init; } = BeadSchema.Current;
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required ConvoyStatus Status { get; init; }
    public required int Done { get; init; }
    public required int Total { get; init; }
    public IReadOnlyList<string> Beads { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }

    /// <summary>Derives status: completed when every member bead is done (an empty convoy is active).</summary>
    public static ConvoyView From(Convoy convoy, Func<string, Bead?> lookup)
    {
        var done = convoy.Beads.Count(id => lookup(id)?.IsDone == true);
        return new ConvoyView
        {
            Id = convoy.Id,
            Name = convoy.Name,
            Status = convoy.Beads.Count > 0 && done == convoy.Beads.Count ? ConvoyStatus.Completed : ConvoyStatus.Active,
            Done = done,
            Total = convoy.Beads.Count,
            Beads = convoy.Beads,
            Created = convoy.Created,
            Updated = convoy.Updated,
        };
    }
}
