// The failures the bead store reports to users, each with a kind the CLI maps to an exit code.
namespace Godel.Beads.Store;

public enum BeadErrorKind
{
    /// <summary>Not inside a git repository.</summary>
    NotARepository,
    /// <summary>No bead or convoy with that id.</summary>
    NotFound,
    /// <summary>An id prefix matched more than one bead.</summary>
    Ambiguous,
    /// <summary>A value the user typed is not valid (status, type, priority, a cycle…).</summary>
    InvalidInput,
    /// <summary>The store could not be written (lock held too long, git failure).</summary>
    WriteFailed,
    /// <summary>A stored file cannot be parsed.</summary>
    Corrupt,
}

/// <summary>A clear, one-line failure of a bead operation.</summary>
public sealed class BeadStoreException(string message, BeadErrorKind kind, Exception? inner = null) : Exception(message, inner)
{
    public BeadErrorKind Kind { get; } = kind;
}
