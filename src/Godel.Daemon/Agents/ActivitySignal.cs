// Lets the daemon's tick loop sleep while every agent is settled, and wakes it when something happens.
namespace Godel.Daemon.Agents;

/// <summary>
/// A level-triggered wake-up for the tick loop. Output, input, hooks and spawns <see cref="Raise"/> it; the loop
/// <see cref="Consume"/>s it before each tick and, when no agent needs ticking (none running on silence and prompt
/// detection, no initial prompt pending), waits in <see cref="WaitAsync"/> instead of waking four times a second.
/// </summary>
internal sealed class ActivitySignal
{
    private int _pending = 1; // the first tick always runs
    private TaskCompletionSource? _waiter;

    /// <summary>Something happened. Costs one read on the hot path (every PTY read) while a tick is already due.</summary>
    public void Raise()
    {
        if (Volatile.Read(ref _pending) == 0 && Interlocked.Exchange(ref _pending, 1) == 0)
        {
            Interlocked.Exchange(ref _waiter, null)?.TrySetResult();
        }
    }

    /// <summary>Called by the loop as a tick starts: what is raised from here on asks for another tick.</summary>
    public void Consume() => Interlocked.Exchange(ref _pending, 0);

    /// <summary>Completes at once if raised since the last <see cref="Consume"/>, else when next raised.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _waiter, waiter); // a full fence: Raise either sees this waiter or we see its flag
        if (Volatile.Read(ref _pending) == 1)
        {
            Interlocked.CompareExchange(ref _waiter, null, waiter);
            return Task.CompletedTask;
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }
}
