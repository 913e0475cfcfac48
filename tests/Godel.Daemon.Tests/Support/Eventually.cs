// Polls a condition until it holds, so tests wait for the daemon instead of sleeping.
namespace Godel.Daemon.Tests.Support;

internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeoutMs} ms waiting for {what}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeoutMs} ms waiting for {what}; last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
