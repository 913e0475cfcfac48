// Decides an agent's state from its signals, most trusted first: runtime hooks, bell/notifications,
// a prompt on the screen, output silence. Pure logic with a clock, so every rule is unit-tested.
using Godel.Protocol.Messages;

namespace Godel.Daemon.Agents;

internal sealed class StateDetector(TimeProvider clock, TimeSpan idleAfter, TimeSpan promptSettle)
{
    private readonly Lock _gate = new();
    private long _lastOutput = clock.GetTimestamp();
    private bool _outputSinceCheck = true;

    public AgentState State { get; private set; } = AgentState.Running;
    public string Source { get; private set; } = "spawn";
    public DateTimeOffset Since { get; private set; } = clock.GetUtcNow();
    public DateTimeOffset? LastOutputAt { get; private set; }

    /// <summary>Once a runtime hook has spoken, only hooks (and exit) change the state: they know best.</summary>
    public bool HookDriven { get; private set; }

    /// <summary>True while <see cref="Tick"/> can still change the state: running, and not driven by hooks.</summary>
    public bool NeedsTicks
    {
        get
        {
            lock (_gate)
            {
                return !HookDriven && !IsFinal && State == AgentState.Running;
            }
        }
    }

    /// <summary>Output arrived. Returns true when the state changed.</summary>
    public bool Output()
    {
        lock (_gate)
        {
            _lastOutput = clock.GetTimestamp();
            LastOutputAt = clock.GetUtcNow();
            _outputSinceCheck = true;
            if (HookDriven || IsFinal)
            {
                return false;
            }

            // A prompt redrawn or new work starting ends "idle" and prompt-based "waiting"; a bell's "waiting" lasts until input.
            return (State == AgentState.Idle || (State == AgentState.Waiting && Source == "prompt")) && Set(AgentState.Running, "output");
        }
    }

    /// <summary>Someone typed into the agent.</summary>
    public bool Input()
    {
        lock (_gate)
        {
            return !HookDriven && !IsFinal && State is AgentState.Waiting or AgentState.Idle && Set(AgentState.Running, "input");
        }
    }

    public bool Bell() => Attention("bell");

    public bool Notification() => Attention("notification");

    private bool Attention(string source)
    {
        lock (_gate)
        {
            return !HookDriven && !IsFinal && Set(AgentState.Waiting, source);
        }
    }

    /// <summary>A runtime hook reported a state (`godel agent notify`).</summary>
    public bool Hook(AgentState state)
    {
        lock (_gate)
        {
            if (IsFinal || state is AgentState.Exited or AgentState.Lost)
            {
                return false;
            }

            HookDriven = true;
            return Set(state, "hook");
        }
    }

    /// <summary>Periodic check of a quiet agent. <paramref name="promptOnScreen"/> is asked only when output settled since the last check.</summary>
    public bool Tick(Func<bool> promptOnScreen)
    {
        ArgumentNullException.ThrowIfNull(promptOnScreen);
        lock (_gate)
        {
            if (HookDriven || IsFinal)
            {
                return false;
            }

            var quiet = clock.GetElapsedTime(_lastOutput);
            if (State == AgentState.Running && _outputSinceCheck && quiet >= promptSettle)
            {
                _outputSinceCheck = false;
                if (promptOnScreen())
                {
                    return Set(AgentState.Waiting, "prompt");
                }
            }

            return State == AgentState.Running && quiet >= idleAfter && Set(AgentState.Idle, "silence");
        }
    }

    public bool Exited()
    {
        lock (_gate)
        {
            return State != AgentState.Exited && Set(AgentState.Exited, "exit");
        }
    }

    /// <summary>Restores a persisted state (lost or exited agents after a daemon restart).</summary>
    public void Restore(AgentState state, string source, DateTimeOffset since, DateTimeOffset? lastOutput)
    {
        lock (_gate)
        {
            (State, Source, Since, LastOutputAt) = (state, source, since, lastOutput);
        }
    }

    private bool IsFinal => State is AgentState.Exited or AgentState.Lost;

    private bool Set(AgentState state, string source)
    {
        if (State == state && Source == source)
        {
            return false;
        }

        var changed = State != state;
        (State, Source) = (state, source);
        if (changed)
        {
            Since = clock.GetUtcNow();
        }

        return changed;
    }
}
