// Scripted fake agents (small shell scripts) drive each state signal end to end through a real PTY and emulator.
using Godel.Config.Model;
using Godel.Daemon.Tests.Support;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class StateSignalTests
{
    private static Task<TestDaemon> WithFake(string script, IReadOnlyList<string>? promptPatterns = null, int idleSeconds = 30) =>
        TestDaemon.StartAsync(config: c => c with
        {
            Daemon = c.Daemon with { IdleSeconds = idleSeconds },
            Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes)
            {
                ["fake"] = new() { Command = "/bin/sh", Args = ["-c", script], PromptPatterns = promptPatterns ?? [] },
            },
        });

    private static async Task<AgentInfo> SpawnAndWait(TestDaemon daemon, Func<AgentInfo, bool> until, string what)
    {
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "fake" });
        return await Eventually.Value(() => client.AgentAsync(agent.Name), until, what);
    }

    [Fact]
    public async Task A_bell_means_waiting()
    {
        await using var daemon = await WithFake("echo working; sleep 0.3; printf 'done\\a'; sleep 30");

        var agent = await SpawnAndWait(daemon, a => a.State == AgentState.Waiting, "waiting after the bell");

        Assert.Equal("bell", agent.StateSource);
    }

    [Theory]
    [InlineData("\\033]9;Build finished\\a")]
    [InlineData("\\033]777;notify;Claude;needs input\\033\\\\")]
    public async Task An_osc_9_or_777_notification_means_waiting(string notification)
    {
        await using var daemon = await WithFake($"echo working; sleep 0.3; printf '{notification}'; sleep 30");

        var agent = await SpawnAndWait(daemon, a => a.State == AgentState.Waiting, "waiting after the notification");

        Assert.Equal("notification", agent.StateSource);
    }

    [Fact]
    public async Task The_runtime_prompt_pattern_on_screen_means_waiting()
    {
        await using var daemon = await WithFake("echo thinking; sleep 0.3; printf 'Proceed? (y/n) '; read answer; echo got $answer; sleep 30", [@"\(y/n\) ?$"]);
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "fake" });

        var waiting = await Eventually.Value(() => client.AgentAsync(agent.Name), a => a.State == AgentState.Waiting, "prompt detected");
        await client.TypeAsync(agent.Name, "y");
        var running = await Eventually.Value(() => client.AgentAsync(agent.Name), a => a.State == AgentState.Running, "running after the answer");

        Assert.Equal("prompt", waiting.StateSource);
        await client.WaitForScreenAsync(agent.Name, "got y");
        Assert.True(running.StateSince >= waiting.StateSince);
    }

    [Fact]
    public async Task A_typed_initial_prompt_is_entered_once_the_runtime_waits_for_input()
    {
        await using var daemon = await TestDaemon.StartAsync(config: c => c with
        {
            Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes)
            {
                ["typed"] = new()
                {
                    Command = "/bin/sh",
                    Args = ["-c", "sleep 0.2; printf 'ask> '; read line; echo \"got:$line\"; sleep 30"],
                    PromptMode = PromptMode.Type,
                    PromptPatterns = ["ask> ?$"],
                },
            },
        });
        await using var client = await daemon.ConnectAsync();

        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "typed", Prompt = "fix the login bug" });

        await client.WaitForScreenAsync(agent.Name, "got:fix the login bug");
    }

    [Fact]
    public async Task Output_silence_means_idle()
    {
        await using var daemon = await WithFake("echo busy; sleep 30", idleSeconds: 1);

        var agent = await SpawnAndWait(daemon, a => a.State == AgentState.Idle, "idle after a second of silence");

        Assert.Equal("silence", agent.StateSource);
    }

    [Fact]
    public async Task An_agent_that_never_prints_still_goes_idle()
    {
        // With no agent the daemon's tick loop sleeps after its first tick, and nothing on the PTY wakes it: the
        // spawn itself must.
        await using var daemon = await WithFake("exec sleep 30", idleSeconds: 1);
        await Task.Delay(1000);

        var agent = await SpawnAndWait(daemon, a => a.State == AgentState.Idle, "idle after a second of silence");

        Assert.Equal("silence", agent.StateSource);
    }

    [Fact]
    public async Task Output_after_all_agents_settled_wakes_the_daemon_running_then_idle_again()
    {
        // Once every agent is idle the tick loop sleeps; the later output must wake it to see the silence again.
        await using var daemon = await WithFake("echo busy; sleep 2.5; echo again; sleep 30", idleSeconds: 1);
        await using var client = await daemon.ConnectAsync();
        var states = new System.Collections.Concurrent.ConcurrentQueue<AgentState>();
        var secondIdle = new TaskCompletionSource();
        client.Pushed += m =>
        {
            if (m is AgentStateChanged { Agent.Name: not null } c)
            {
                states.Enqueue(c.Agent.State);
                if (states.Count(s => s == AgentState.Idle) == 2)
                {
                    secondIdle.TrySetResult();
                }
            }
        };

        await client.SpawnAsync(new SpawnAgent { Runtime = "fake" });
        await secondIdle.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([AgentState.Running, AgentState.Idle, AgentState.Running, AgentState.Idle], states.ToArray());
    }

    [Fact]
    public async Task A_hook_calling_notify_sets_the_state_and_outranks_the_other_signals()
    {
        await using var daemon = await WithFake("printf 'x\\a'; sleep 30", idleSeconds: 1);
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "fake" });

        await client.RequestAsync<Ok>(new Notify(agent.Name, AgentState.Running));
        await Task.Delay(1500);
        var after = await client.AgentAsync(agent.Name);

        Assert.Equal((AgentState.Running, "hook"), (after.State, after.StateSource));
    }

    [Fact]
    public async Task State_changes_are_pushed_to_clients_with_their_time()
    {
        await using var daemon = await WithFake("sleep 0.3; printf '\\a'; sleep 30");
        await using var client = await daemon.ConnectAsync();
        var pushed = new TaskCompletionSource<AgentInfo>();
        client.Pushed += m =>
        {
            if (m is AgentStateChanged { Agent.State: AgentState.Waiting } c)
            {
                pushed.TrySetResult(c.Agent);
            }
        };
        var before = DateTimeOffset.UtcNow;

        await client.SpawnAsync(new SpawnAgent { Runtime = "fake" });
        var agent = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(agent.StateSince, before, DateTimeOffset.UtcNow);
    }
}
