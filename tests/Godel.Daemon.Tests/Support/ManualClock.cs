// A clock tests move by hand, for the state rules that depend on time.
namespace Godel.Daemon.Tests.Support;

internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => _now += by;
}
