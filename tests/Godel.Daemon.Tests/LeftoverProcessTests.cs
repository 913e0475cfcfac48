// Ending an agent ends all of it: children that left its process group or ignore hangups do not keep running unseen.
using System.Globalization;
using Godel.Config.Model;
using Godel.Daemon.Agents;
using Godel.Daemon.Tests.Support;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class LeftoverProcessTests
{
    // The agent starts a child in a session of its own (out of reach of the agent's group and of the PTY hangup) that
    // ignores hangups and writes its pid, then waits like an agent does.
    private const string Escapes =
        "trap '' HUP TERM; setsid sh -c 'trap \"\" HUP TERM; echo $$ > leftover.pid; exec sleep 600' & " +
        "echo started; while :; do sleep 1; done";

    [Theory]
    [InlineData("kill")]
    [InlineData("stop")]
    public async Task Ending_an_agent_also_ends_a_child_that_left_its_process_group(string how)
    {
        await using var daemon = await TestDaemon.StartAsync(config: c => c with
        {
            Daemon = c.Daemon with { StopGraceSeconds = 1 },
            Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes) { ["escaper"] = new() { Command = "/bin/sh", Args = ["-c", Escapes] } },
        });
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Runtime = "escaper" });
        var leftover = await LeftoverPidAsync(daemon.Workspace);
        try
        {
            await client.RequestAsync<Ok>(how == "kill" ? new KillAgent(agent.Name) : new StopAgent(agent.Name));

            await Eventually.True(() => !Alive(leftover), $"the child pid {leftover} that left the agent's group to be ended");
            Assert.Contains($"left over from {agent.Name}", daemon.Log, StringComparison.Ordinal);
            Assert.Equal(AgentState.Exited, (await client.AgentAsync(agent.Name)).State);
        }
        finally
        {
            EndIfAlive(leftover);
        }
    }

    [Fact]
    public async Task Only_processes_of_that_agent_in_that_workspace_are_found()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();
        var one = await client.SpawnAsync(new SpawnAgent { Name = "one" });
        var two = await client.SpawnAsync(new SpawnAgent { Name = "two" });

        var ofOne = AgentProcesses.Find(daemon.Workspace, "one");

        Assert.Contains(one.Pid, ofOne);
        Assert.DoesNotContain(two.Pid, ofOne);
        Assert.DoesNotContain(Environment.ProcessId, ofOne);
        Assert.Empty(AgentProcesses.Find(daemon.Workspace + "-elsewhere", "one"));
    }

    private static async Task<int> LeftoverPidAsync(string workspace)
    {
        var file = Path.Combine(workspace, "leftover.pid");
        var text = await Eventually.Value(
            () => Task.FromResult(File.Exists(file) ? File.ReadAllText(file).Trim() : ""),
            t => t.Length > 0,
            "the agent's child to write its pid");
        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    // A killed process whose parent has not reaped it yet is a zombie: it no longer runs.
    private static bool Alive(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void EndIfAlive(int pid)
    {
        if (Alive(pid))
        {
            _ = Native.Posix.Kill(pid, Native.Posix.SigKill);
        }
    }
}
