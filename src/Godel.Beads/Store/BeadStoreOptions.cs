// How a bead store is opened: id prefix, who is writing, and the clock.
namespace Godel.Beads.Store;

public sealed record BeadStoreOptions
{
    /// <summary>Prefix of new ids (`workspace.bead_prefix`).</summary>
    public string Prefix { get; init; } = "godel";

    /// <summary>GODEL_ACTOR: the agent's name; overrides git's user.name as author and comment author.</summary>
    public string? Actor { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Bytes of loose git objects the store may write before it packs them with `git repack -d -q` (each write
    /// stores a new root tree, ~270 KB at 10k beads); 0 leaves packing to git's own `gc --auto`.
    /// </summary>
    public long PackLooseObjectsAfterBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Tests: wait for the repack (normally it runs on after the write returns).</summary>
    internal bool WaitForPacking { get; init; }
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
