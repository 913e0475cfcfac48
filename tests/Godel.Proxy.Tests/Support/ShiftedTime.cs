// A clock that can be moved, for budgets by day and retention.
namespace Godel.Proxy.Tests.Support;

public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    /// <summary>Also move the monotonic clock (elapsed-time checks such as the hourly retention), not only the date.</summary>
    public bool ShiftTimestamps { get; init; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public override long GetTimestamp() =>
        base.GetTimestamp() + (ShiftTimestamps ? (long)(Offset.TotalSeconds * TimestampFrequency) : 0);
}
