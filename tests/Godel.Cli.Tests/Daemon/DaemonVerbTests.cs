// The daemon verbs end to end: on-demand start, spawn, list, send, capture, logs, notify, stop.
using System.Text.Json;
using Godel.Protocol.Messages;

namespace Godel.Cli.Tests.Daemon;

public sealed class DaemonVerbTests
{
    [Fact]
    public async Task A_verb_starts_the_daemon_on_demand_and_the_agent_verbs_work_through_it()
    {
        await using var ws = new CliWorkspace();
        Assert.Equal(1, (await ws.RunAsync("daemon", "status")).ExitCode);

        var name = (await ws.RunOkAsync("agent", "spawn", "--size", "70x12", "--name", "worker")).Out.Trim();
        await ws.RunOkAsync("agent", "send", "worker", "echo from-send-$GODEL_AGENT", "--enter");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "worker")).Out.Contains("\nfrom-send-worker", StringComparison.Ordinal), "the echo on screen");
        var table = (await ws.RunOkAsync("agent", "list")).Out;
        var agent = await ws.AgentAsync("worker");
        var logs = (await ws.RunOkAsync("logs", "worker")).Out;
        var status = (await ws.RunOkAsync("daemon", "status")).Out;

        Assert.Equal("worker", name);
        Assert.Matches(@"NAME\s+RUNTIME\s+BEAD\s+STATE\s+PID\s+UPTIME\s+LAST OUTPUT", table);
        Assert.Contains("worker", table, StringComparison.Ordinal);
        Assert.Equal((70, 12), (agent.Columns, agent.Rows));
        Assert.Contains("from-send-worker", logs, StringComparison.Ordinal);
        Assert.Contains($"workspace: {ws.Repo}", status, StringComparison.Ordinal);
        Assert.True(CliWorkspace.Alive(ws.DaemonPid));

        var stop = await ws.RunOkAsync("daemon", "stop");
        Assert.Contains("ending 1 agent(s): worker", stop.Out, StringComparison.Ordinal);
        Assert.Contains("daemon stopped", stop.Out, StringComparison.Ordinal);
        await Wait.Until(() => !CliWorkspace.Alive(agent.Pid), "the agent process to end");
    }

    [Fact]
    public async Task A_hook_in_the_agent_reports_its_state_with_agent_notify()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--name", "hooked");

        await ws.RunOkAsync("agent", "send", "hooked", $"{CliWorkspace.Godel} agent notify --state waiting && echo notified", "--enter");
        await Wait.Until(async () => (await ws.AgentAsync("hooked")).StateSource == "hook", "the hook's state", 30_000);
        var agent = await ws.AgentAsync("hooked");

        Assert.Equal(AgentState.Waiting, agent.State);
    }

    [Fact]
    public async Task Stop_kill_and_restart_by_name()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        var first = await ws.AgentAsync("shell-1");

        Assert.Contains("shell-1 stopped", (await ws.RunOkAsync("agent", "stop", "shell-1")).Out, StringComparison.Ordinal);
        Assert.Equal(AgentState.Exited, (await ws.AgentAsync("shell-1")).State);
        Assert.Contains("shell-1 restarted", (await ws.RunOkAsync("agent", "restart", "shell-1")).Out, StringComparison.Ordinal);
        var second = await ws.AgentAsync("shell-1");
        Assert.NotEqual(first.Pid, second.Pid);
        await ws.RunOkAsync("agent", "kill", "shell-1");
        Assert.Equal(9, (await ws.AgentAsync("shell-1")).ExitSignal);
    }

    [Fact]
    public async Task Bad_input_gets_one_clear_line_and_a_usage_exit_code()
    {
        await using var ws = new CliWorkspace();
        var outside = Directory.CreateTempSubdirectory("godel-nogit-");
        try
        {
            var noRepo = await ws.RunInAsync(outside.FullName, "agent", "list");
            var badSize = await ws.RunAsync("agent", "spawn", "--size", "big");
            var hugeSize = await ws.RunAsync("agent", "spawn", "--size", "5000x10");
            await File.WriteAllTextAsync(Path.Combine(ws.Repo, "notes.txt"), "x");
            var fileCwd = await ws.RunAsync("agent", "spawn", "--cwd", "notes.txt");
            var missingCwd = await ws.RunAsync("agent", "spawn", "--cwd", "nowhere");
            var notify = await ws.RunAsync("agent", "notify", "--state", "waiting");
            var badState = await ws.RunAsync("agent", "notify", "--state", "dancing", "--name", "x");

            Assert.Equal(2, noRepo.ExitCode);
            Assert.Contains("is not inside a git repository", noRepo.Error, StringComparison.Ordinal);
            Assert.Equal((2, "godel: --size 'big' is not COLSxROWS with 2-1000 columns and 1-1000 rows (e.g. 120x40)\n"), (badSize.ExitCode, badSize.Error));
            Assert.Equal((2, "godel: --size '5000x10' is not COLSxROWS with 2-1000 columns and 1-1000 rows (e.g. 120x40)\n"), (hugeSize.ExitCode, hugeSize.Error));
            Assert.Equal((2, $"godel: working directory '{Path.Combine(ws.Repo, "notes.txt")}' is a file, not a folder\n"), (fileCwd.ExitCode, fileCwd.Error));
            Assert.Equal((2, $"godel: working directory '{Path.Combine(ws.Repo, "nowhere")}' does not exist\n"), (missingCwd.ExitCode, missingCwd.Error));
            Assert.Equal(2, notify.ExitCode);
            Assert.Contains("GODEL_AGENT", notify.Error, StringComparison.Ordinal);
            Assert.Equal(2, badState.ExitCode);
            Assert.DoesNotContain("   at ", noRepo.Error + badSize.Error + notify.Error + badState.Error, StringComparison.Ordinal);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Logs_follow_prints_new_output_until_interrupted()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--name", "talker");
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var writer = TextWriter.Synchronized(output);
        var console = new CliConsole(writer, TextWriter.Null, ws.Repo, ws.Environment);
        string Seen()
        {
            lock (writer) // the synchronized writer locks on itself while writing
            {
                return output.ToString();
            }
        }


        var follow = GodelApp.RunAsync(["logs", "talker", "-f"], console, stop.Token);
        await Task.Delay(500);
        await ws.RunOkAsync("agent", "send", "talker", "echo followed-$((40+2))", "--enter");
        await Wait.Until(() => Seen().Contains("followed-42", StringComparison.Ordinal), "the new output in logs -f");
        await stop.CancelAsync();

        Assert.Equal(0, await follow.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Logs_print_a_character_split_across_a_rotation_whole()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--name", "writer");
        await ws.RunOkAsync("daemon", "stop");
        // The daemon rotates between PTY reads, which can cut a UTF-8 sequence: "é" is C3 A9.
        var log = Path.Combine(ws.Repo, ".godel", "logs", "writer.log");
        await File.WriteAllBytesAsync(log + ".1", [.. "caf"u8, 0xC3]);
        await File.WriteAllBytesAsync(log, [0xA9, .. " ok\n"u8]);

        var printed = (await ws.RunOkAsync("logs", "writer")).Out;

        Assert.Equal("café ok\n", printed);
    }

    [Fact]
    public async Task An_unknown_agent_is_a_failure_with_a_hint()
    {
        await using var ws = new CliWorkspace();

        var none = await ws.RunAsync("capture", "ghost");
        await ws.RunOkAsync("agent", "spawn", "--name", "worker");
        var typo = await ws.RunAsync("agent", "send", "wroker", "x");
        var taken = await ws.RunAsync("agent", "spawn", "--name", "worker");

        Assert.Equal((1, "godel: no agent named 'ghost': this workspace has no agents (`godel agent spawn` starts one)\n"), (none.ExitCode, none.Error));
        Assert.Equal((1, "godel: no agent named 'wroker': did you mean 'worker'? (see `godel agent list`)\n"), (typo.ExitCode, typo.Error));
        Assert.Equal((1, "godel: an agent named 'worker' is already running: pick another --name, or `godel agent stop worker` first\n"), (taken.ExitCode, taken.Error));
    }

    [Fact]
    public async Task Capture_prints_the_screen_plain_or_with_escapes_and_scrollback_on_request()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--name", "painter", "--size", "40x5");
        await ws.RunOkAsync("agent", "send", "painter", "for i in 1 2 3 4 5 6 7 8; do printf '\\033[31mrow%s\\033[0m\\n' $i; done", "--enter");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "painter")).Out.Contains("row8", StringComparison.Ordinal), "the rows on screen");

        var plain = (await ws.RunOkAsync("capture", "painter")).Out;
        var escaped = (await ws.RunOkAsync("capture", "painter", "-e")).Out;
        var deep = (await ws.RunOkAsync("capture", "painter", "--scrollback", "100")).Out;
        var negative = await ws.RunAsync("capture", "painter", "--scrollback", "-1");

        Assert.DoesNotContain("row1\n", plain, StringComparison.Ordinal); // scrolled off a 5-row screen
        Assert.DoesNotContain("\e[", plain, StringComparison.Ordinal);
        Assert.Contains("\e[31mrow5\nrow6\nrow7\nrow8\n\e[39m", escaped, StringComparison.Ordinal); // like tmux -e: changes only
        Assert.Contains("row1\nrow2\n", deep, StringComparison.Ordinal);
        Assert.Equal((2, "godel: --scrollback must be 0 or more\n"), (negative.ExitCode, negative.Error));
    }

    [Fact]
    public async Task Agent_list_json_is_an_array_of_agents()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--bead", "godel-abcde", "--cwd", ".");

        var json = (await ws.RunOkAsync("agent", "list", "--json")).Out;

        using var doc = JsonDocument.Parse(json);
        var agent = doc.RootElement[0];
        Assert.Equal("shell-1", agent.GetProperty("name").GetString());
        Assert.Equal("godel-abcde", agent.GetProperty("bead").GetString());
        Assert.True(agent.GetProperty("pid").GetInt32() > 0);
    }
}
