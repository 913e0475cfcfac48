// A clock that can be moved, for budgets by day and retention.
namespace Godel.Proxy.Tests.Support;

public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
