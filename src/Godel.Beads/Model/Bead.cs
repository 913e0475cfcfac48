// A bead: one work item, exactly as it is stored in `.godel/beads/<id>.json`.
using System.Text.Json.Serialization;

namespace Godel.Beads.Model;

/// <summary>One work item. Immutable: a change is a function from the old bead to a new one.</summary>
public sealed record Bead
{
    /// <summary>Version of the file format; readers refuse files with a newer schema.</summary>
    public int Schema { get; init; } = BeadSchema.Current;
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public BeadType Type { get; init; } = BeadType.Task;
    public BeadStatus Status { get; init; } = BeadStatus.Open;

    /// <summary>0 = critical … 4 = whenever.</summary>
    public int Priority { get; init; } = 2;
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Agent { get; init; }
    public string? Worktree { get; init; }
    public string? Branch { get; init; }

    /// <summary>Commit ids recorded against this bead (by `godel sling`/merges); linked commits are found by search too.</summary>
    public IReadOnlyList<string> Commits { get; init; } = [];
    public IReadOnlyList<string> BlockedBy { get; init; } = [];
    public IReadOnlyList<BeadComment> Comments { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
    public DateTimeOffset? Closed { get; init; }
    public string? CloseReason { get; init; }

    [JsonIgnore]
    public bool IsDone => Status == BeadStatus.Done;
}

/// <summary>A comment on a bead.</summary>
public sealed record BeadComment(string Author, string Text, DateTimeOffset Time);

/// <summary>The schema version this build writes.</summary>
public static class BeadSchema
{
    public const int Current = 1;
}
