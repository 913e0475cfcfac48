// The daemon killed with SIGKILL: no agent keeps running unseen, and the next daemon lists them lost with their last screen.
using System.Diagnostics;
using Godel.Protocol.Messages;

namespace Godel.Cli.Tests.Daemon;

public sealed class DaemonCrashTests
{
    [Fact]
    public async Task After_a_daemon_sigkill_no_agent_survives_and_the_next_daemon_lists_them_lost_with_their_last_screen()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--size", "70x12");
        await ws.RunOkAsync("agent", "send", "shell-1", "echo screen-before-crash", "--enter");
        // Its child leaves the agent's session (no hangup reaches it) and writes its pid: the next daemon must end it too.
        await ws.RunOkAsync("agent", "spawn", "--name", "stubborn", "--", "-c",
            "trap '' HUP TERM; setsid sh -c 'echo $$ > escaped.pid; exec sleep 600' & echo ignoring-hangups; while :; do sleep 1; done");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "shell-1")).Out.Contains("\nscreen-before-crash", StringComparison.Ordinal), "the screen before the crash");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "stubborn")).Out.Contains("ignoring-hangups", StringComparison.Ordinal), "the stubborn agent");
        var escapedFile = Path.Combine(ws.Repo, "escaped.pid");
        await Wait.Until(() => File.Exists(escapedFile) && File.ReadAllText(escapedFile).Trim().Length > 0, "the escaped child's pid");
        var escaped = int.Parse(File.ReadAllText(escapedFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var shell = await ws.AgentAsync("shell-1");
        var stubborn = await ws.AgentAsync("stubborn");
        var daemonPid = ws.DaemonPid;

        Process.GetProcessById(daemonPid).Kill();
        await Wait.Until(() => !CliWorkspace.Alive(daemonPid), "the daemon to die");
        await Wait.Until(() => !CliWorkspace.Alive(shell.Pid), "the shell to get its hangup and end", 10_000);

        var lost = await ws.AgentAsync("shell-1"); // starts a new daemon on demand
        await Wait.Until(() => !CliWorkspace.Alive(stubborn.Pid), "the new daemon to end the agent that ignored the hangup", 10_000);
        await Wait.Until(() => !CliWorkspace.Alive(escaped), "the new daemon to end the agent's child that left its session", 10_000);
        var capture = (await ws.RunOkAsync("capture", "shell-1")).Out;

        Assert.NotEqual(daemonPid, ws.DaemonPid);
        Assert.Equal(AgentState.Lost, lost.State);
        Assert.Equal(AgentState.Lost, (await ws.AgentAsync("stubborn")).State);
        Assert.Contains("\nscreen-before-crash", capture, StringComparison.Ordinal);
        Assert.Equal((70, 12), (lost.Columns, lost.Rows));

        await ws.RunOkAsync("agent", "restart", "shell-1");
        // Running, or already Waiting once its prompt settled: a busy machine can be slow to ask.
        var restarted = await ws.AgentAsync("shell-1");
        Assert.Contains(restarted.State, new[] { AgentState.Running, AgentState.Waiting });
        Assert.True(CliWorkspace.Alive(restarted.Pid));
    }

    [Fact]
    public async Task Sigterm_to_the_daemon_stops_it_gracefully_ending_its_agents()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        var agent = await ws.AgentAsync("shell-1");
        var daemonPid = ws.DaemonPid;

        using (var term = Process.Start("kill", ["-TERM", daemonPid.ToString(System.Globalization.CultureInfo.InvariantCulture)])) { await term.WaitForExitAsync(); }

        await Wait.Until(() => !CliWorkspace.Alive(daemonPid), "the daemon to stop");
        Assert.False(CliWorkspace.Alive(agent.Pid));
        var log = await File.ReadAllTextAsync(Path.Combine(ws.Repo, ".godel", "daemon", "daemon.log"));
        Assert.Contains("stopping: ending shell-1", log, StringComparison.Ordinal);
        Assert.False(File.Exists(ws.SocketPath));
    }
}
