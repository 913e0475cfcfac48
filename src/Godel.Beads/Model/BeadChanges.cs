// Small pure changes to a bead that several callers share.
namespace Godel.Beads.Model;

public static class BeadChanges
{
    /// <summary>Moves a bead to a status, stamping the close time on done and clearing it on reopen.</summary>
    public static Bead WithStatus(Bead b, BeadStatus status, string? reason, DateTimeOffset now) => status == BeadStatus.Done
        ? b with { Status = status, Closed = b.IsDone ? b.Closed : now, CloseReason = reason ?? b.CloseReason }
        : b with { Status = status, Closed = null, CloseReason = null };
}
