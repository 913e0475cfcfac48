// Spawn, type, capture, attach, stop, kill and restart real agents on real PTYs through the socket.
using Godel.Config.Model;
using Godel.Daemon.Tests.Support;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class AgentLifecycleTests
{
    [Fact]
    public async Task A_spawned_shell_runs_what_is_typed_and_capture_shows_it()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();

        var agent = await client.SpawnAsync(new SpawnAgent { Columns = 60, Rows = 10 });
        await client.TypeAsync(agent.Name, "echo hel''lo-$GODEL_AGENT");
        var screen = await client.WaitForScreenAsync(agent.Name, "hello-shell-1");

        Assert.Equal("shell-1", agent.Name);
        Assert.Equal(AgentState.Running, agent.State);
        Assert.True(agent.Pid > 0);
        Assert.Contains("echo hel''lo-$GODEL_AGENT", screen, StringComparison.Ordinal);
        Assert.Equal((60, 10), (agent.Columns, agent.Rows));
    }

    [Fact]
    public async Task Every_agent_gets_godel_identity_and_terminal_variables()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();

        var agent = await client.SpawnAsync(new SpawnAgent { Name = "env-check", Bead = "godel-abcde", WorkingDirectory = daemon.Workspace, Columns = 200, Rows = 10 });
        await client.TypeAsync(agent.Name, "echo \"[$GODEL_AGENT|$GODEL_BEAD|$GODEL_ACTOR|$TERM|$COLORTERM|$GODEL_WORKSPACE]\"");

        await client.WaitForScreenAsync(agent.Name, $"[env-check|godel-abcde|env-check|xterm-256color|truecolor|{daemon.Workspace}]");
    }

    [Fact]
    public async Task An_agent_on_a_bead_works_in_the_beads_own_worktree_and_branch()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using (var repo = new LibGit2Sharp.Repository(daemon.Workspace))
        {
            File.WriteAllText(Path.Combine(daemon.Workspace, "README"), "x\n");
            LibGit2Sharp.Commands.Stage(repo, "README");
            var who = new LibGit2Sharp.Signature("t", "t@example.com", DateTimeOffset.UtcNow);
            repo.Commit("first", who, who, new LibGit2Sharp.CommitOptions());
        }

        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Bead = "godel-w0rk1", Columns = 100, Rows = 10 });
        await client.TypeAsync(agent.Name, "git rev-parse --abbrev-ref HEAD; pwd");
        var worktree = Path.Combine(daemon.Workspace, ".godel", "worktrees", "godel-w0rk1");

        // Wait for both lines: returning on the branch line alone raced the shell printing pwd.
        await client.WaitForScreenAsync(agent.Name, $"\ngodel/godel-w0rk1\n{worktree}");
        Assert.Equal(worktree, agent.Worktree);
        Assert.Equal(worktree, agent.WorkingDirectory);
    }

    [Fact]
    public async Task Names_are_unique_and_readable()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();

        var first = await client.SpawnAsync(new SpawnAgent());
        var second = await client.SpawnAsync(new SpawnAgent());
        var taken = await Assert.ThrowsAsync<DaemonErrorException>(() => client.SpawnAsync(new SpawnAgent { Name = "shell-1" }));
        var invalid = await Assert.ThrowsAsync<DaemonErrorException>(() => client.SpawnAsync(new SpawnAgent { Name = "../x" }));
        var unknown = await Assert.ThrowsAsync<DaemonErrorException>(() => client.SpawnAsync(new SpawnAgent { Runtime = "nope" }));

        Assert.Equal(("shell-1", "shell-2"), (first.Name, second.Name));
        Assert.Equal(ErrorCodes.NameTaken, taken.Code);
        Assert.Equal(ErrorCodes.BadRequest, invalid.Code);
        Assert.Equal(ErrorCodes.UnknownRuntime, unknown.Code);
        Assert.Contains("claude", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_draws_the_screen_then_streams_and_input_reaches_the_agent()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Columns = 70, Rows = 12 });
        await client.TypeAsync(agent.Name, "printf '\\033[1;31mred\\033[0m before\\n'");
        await client.WaitForScreenAsync(agent.Name, "red before");

        var sink = new ScreenSink();
        var attached = await client.AttachAsync(new Attach(agent.Name, 70, 12, ReadOnly: false), sink);
        await Eventually.True(() => sink.Text().Contains("red before", StringComparison.Ordinal), "snapshot on attach");
        await client.SendInputAsync(attached.Channel, "echo after\r"u8.ToArray());
        await Eventually.True(() => sink.Text().Contains("\nafter", StringComparison.Ordinal), "live output after typing");

        Assert.Equal(await client.CaptureAsync(agent.Name, escapes: true), sink.Styled());
    }

    [Fact]
    public async Task The_most_recently_active_client_sets_the_size_and_read_only_clients_never_do()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var a = await daemon.ConnectAsync("a");
        await using var b = await daemon.ConnectAsync("b");
        var agent = await a.SpawnAsync(new SpawnAgent { Columns = 80, Rows = 24 });

        var sinkA = new ScreenSink();
        var sinkB = new ScreenSink();
        var viewer = new ScreenSink();
        var atA = await a.AttachAsync(new Attach(agent.Name, 100, 30, false), sinkA);
        await Eventually.True(() => sinkA.Size == (100, 30), "A's size applied");
        await b.AttachAsync(new Attach(agent.Name, 50, 20, ReadOnly: true), viewer);
        await Task.Delay(100);
        var afterViewer = await a.AgentAsync(agent.Name);
        Assert.Equal((100, 30), (afterViewer.Columns, afterViewer.Rows));

        var atB = await b.AttachAsync(new Attach(agent.Name, 90, 25, false), sinkB);
        await Eventually.True(() => sinkA.Size == (90, 25) && sinkB.Size == (90, 25) && viewer.Size == (90, 25), "B's size reaches everyone");
        await a.SendInputAsync(atA.Channel, "stty size\r"u8.ToArray());
        await Eventually.True(() => sinkA.Text().Contains("30 100", StringComparison.Ordinal), "typing makes A active again");
        Assert.NotEqual(atA.Channel, atB.Channel);
    }

    [Fact]
    public async Task Stop_ends_the_agent_gracefully_and_it_is_listed_exited_with_its_status()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();
        var changes = new List<AgentStateChanged>();
        client.Pushed += m =>
        {
            if (m is AgentStateChanged c)
            {
                lock (changes)
                {
                    changes.Add(c);
                }
            }
        };
        var agent = await client.SpawnAsync(new SpawnAgent());

        await client.RequestAsync<Ok>(new StopAgent(agent.Name));
        var stopped = await client.AgentAsync(agent.Name);

        Assert.Equal(AgentState.Exited, stopped.State);
        Assert.Equal(1, stopped.ExitSignal); // SIGHUP ends an interactive shell
        await Eventually.True(() => { lock (changes) { return changes.Any(c => c.Agent.State == AgentState.Exited); } }, "exit pushed to the client");
        var send = await Assert.ThrowsAsync<DaemonErrorException>(() => client.TypeAsync(agent.Name, "x"));
        Assert.Equal(ErrorCodes.NotRunning, send.Code);
    }

    [Fact]
    public async Task Kill_ends_an_agent_that_ignores_hangups_and_restart_brings_it_back_in_the_same_folder()
    {
        await using var daemon = await TestDaemon.StartAsync(config: c => c with
        {
            Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes)
            {
                ["stubborn"] = new() { Command = "/bin/sh", Args = ["-c", "trap '' HUP TERM; echo started $# \"$@\"; pwd; while :; do sleep 1; done", "sh"], ResumeArgs = ["--resumed"] },
            },
        });
        await using var client = await daemon.ConnectAsync();
        var folder = Directory.CreateDirectory(Path.Combine(daemon.Workspace, "sub")).FullName;
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "stubborn", WorkingDirectory = folder, Args = ["extra"] });
        await client.WaitForScreenAsync(agent.Name, "started 1 extra");

        await client.RequestAsync<Ok>(new KillAgent(agent.Name));
        var killed = await client.AgentAsync(agent.Name);
        var restarted = (await client.RequestAsync<AgentReply>(new RestartAgent(agent.Name))).Agent;
        // pwd prints after the "started" line: wait for both, or the screen can be read in between.
        await client.WaitForScreenAsync(agent.Name, $"started 2 --resumed extra\n{folder}");

        Assert.Equal((AgentState.Exited, 9), (killed.State, killed.ExitSignal));
        Assert.Equal(AgentState.Running, restarted.State);
        Assert.NotEqual(agent.Pid, restarted.Pid);
    }

    [Fact]
    public async Task Attaching_to_an_exited_agent_shows_its_last_screen()
    {
        await using var daemon = await TestDaemon.StartAsync(config: c => c with
        {
            Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes) { ["once"] = new() { Command = "/bin/sh", Args = ["-c", "echo last words; exit 3"] } },
        });
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "once" });
        var exited = await Eventually.Value(() => client.AgentAsync(agent.Name), a => a.State == AgentState.Exited, "exit");

        var sink = new ScreenSink();
        var attached = await client.AttachAsync(new Attach(agent.Name, 80, 24, false), sink);

        await Eventually.True(() => sink.Text().Contains("last words", StringComparison.Ordinal), "last screen");
        Assert.Equal(3, exited.ExitCode);
        Assert.Equal(AgentState.Exited, attached.Agent.State);
    }
}
