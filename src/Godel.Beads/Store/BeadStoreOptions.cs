// How a bead store is opened: id prefix, who is writing, and the clock.
namespace Godel.Beads.Store;

public sealed record BeadStoreOptions
{
    /// <summary>Prefix of new ids (`workspace.bead_prefix`).</summary>
    public string Prefix { get; init; } = "godel";

    /// <summary>GODEL_ACTOR: the agent's name; overrides git's user.name as author and comment author.</summary>
    public string? Actor { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>What `bead create` asks for.</summary>
public sealed record NewBead
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public Model.BeadType Type { get; init; } = Model.BeadType.Task;
    public int Priority { get; init; } = 2;
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> BlockedBy { get; init; } = [];
}
