// The state rules, one by one, on a hand-moved clock.
using Godel.Daemon.Agents;
using Godel.Daemon.Tests.Support;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class StateDetectorTests
{
    private readonly ManualClock _clock = new();

    private StateDetector Create() => new(_clock, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(300));

    [Fact]
    public void A_new_agent_is_running_and_silence_makes_it_idle_with_the_time_it_happened()
    {
        var detector = Create();
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(detector.Tick(() => false));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(detector.Tick(() => false));
        Assert.Equal((AgentState.Idle, "silence"), (detector.State, detector.Source));
        Assert.Equal(_clock.GetUtcNow(), detector.Since);

        Assert.True(detector.Output());
        Assert.Equal((AgentState.Running, "output"), (detector.State, detector.Source));
    }

    [Fact]
    public void A_prompt_on_a_settled_screen_means_waiting_and_output_ends_it()
    {
        var detector = Create();
        detector.Output();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(detector.Tick(() => true)); // not settled yet

        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(detector.Tick(() => true));
        Assert.Equal((AgentState.Waiting, "prompt"), (detector.State, detector.Source));

        Assert.True(detector.Output());
        Assert.Equal(AgentState.Running, detector.State);
    }

    [Fact]
    public void The_screen_is_checked_once_per_burst_of_output()
    {
        var detector = Create();
        var checks = 0;
        _clock.Advance(TimeSpan.FromSeconds(1));
        detector.Tick(() => { checks++; return false; });
        detector.Tick(() => { checks++; return false; });

        Assert.Equal(1, checks);
    }

    [Fact]
    public void A_bell_or_notification_means_waiting_until_someone_types()
    {
        var detector = Create();
        Assert.True(detector.Bell());
        Assert.Equal((AgentState.Waiting, "bell"), (detector.State, detector.Source));
        Assert.False(detector.Output()); // the prompt redraw after a bell does not end waiting

        Assert.True(detector.Input());
        Assert.Equal((AgentState.Running, "input"), (detector.State, detector.Source));

        Assert.True(detector.Notification());
        Assert.Equal((AgentState.Waiting, "notification"), (detector.State, detector.Source));
    }

    [Fact]
    public void Once_a_hook_speaks_only_hooks_and_exit_change_the_state()
    {
        var detector = Create();
        Assert.True(detector.Hook(AgentState.Waiting));
        Assert.False(detector.Bell());
        Assert.False(detector.Input());
        Assert.False(detector.Output());
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(detector.Tick(() => false));
        Assert.Equal((AgentState.Waiting, "hook"), (detector.State, detector.Source));

        Assert.True(detector.Hook(AgentState.Running));
        Assert.True(detector.Exited());
        Assert.False(detector.Hook(AgentState.Running));
        Assert.Equal(AgentState.Exited, detector.State);
    }
}
