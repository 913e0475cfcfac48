// The tick loop's wake-up: raised before the wait means no wait; raised during it ends it; nothing lost in between.
using Godel.Daemon.Agents;

namespace Godel.Daemon.Tests;

public sealed class ActivitySignalTests
{
    [Fact]
    public void The_first_wait_returns_at_once_so_the_first_tick_always_runs()
    {
        Assert.True(new ActivitySignal().WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void A_raise_between_consume_and_wait_is_not_lost()
    {
        var signal = new ActivitySignal();
        signal.Consume();
        signal.Raise();

        Assert.True(signal.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_wait_after_consume_lasts_until_the_next_raise()
    {
        var signal = new ActivitySignal();
        signal.Consume();
        var wait = signal.WaitAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(wait.IsCompleted);

        signal.Raise();

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Raises_racing_the_wait_from_other_threads_always_end_it()
    {
        var signal = new ActivitySignal();
        for (var i = 0; i < 2000; i++)
        {
            signal.Consume();
            var raiser = Task.Run(signal.Raise);
            await signal.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            await raiser;
        }
    }

    [Fact]
    public async Task Cancelling_the_wait_ends_it()
    {
        var signal = new ActivitySignal();
        signal.Consume();
        using var stop = new CancellationTokenSource();
        var wait = signal.WaitAsync(stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
