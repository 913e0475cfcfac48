// `godel attach` end to end: the built executable on a real PTY, its screen read through Godel's emulator.
using Godel.Protocol.Messages;

namespace Godel.Cli.Tests.Daemon;

public sealed class AttachTests
{
    [Fact]
    public async Task Attach_shows_the_agent_passes_keys_follows_resizes_and_detaches_with_ctrl_backslash()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--size", "60x10");
        await ws.RunOkAsync("agent", "send", "shell-1", "echo drawn-before-attach", "--enter");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "shell-1")).Out.Contains("\ndrawn-before-attach", StringComparison.Ordinal), "output before attach");

        await using var screen = new PtyScreen(ws, 100, 30, "attach", "shell-1");
        await screen.WaitForAsync("drawn-before-attach");
        screen.Type("echo typed-through-$((6*7))\r");
        await screen.WaitForAsync("typed-through-42");
        screen.Resize(90, 20);
        await Task.Delay(200);
        screen.Type("stty size\r");
        await screen.WaitForAsync("20 90");
        screen.Type("\x1c");
        var exit = await screen.Exited.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exit.ExitCode);
        await screen.WaitForAsync("[detached from shell-1]");
        var agent = await ws.AgentAsync("shell-1");
        Assert.NotEqual(AgentState.Exited, agent.State);
        Assert.Equal((90, 20), (agent.Columns, agent.Rows));
    }

    [Fact]
    public async Task The_detach_key_comes_from_config_and_the_default_then_reaches_the_agent()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        await using var screen = new PtyScreen(ws, 80, 24, "attach", "--set", "tui.detach_key=Ctrl+]", "shell-1");
        await screen.WaitForAsync("$");

        screen.Type("stty quit undef; echo rea''dy; cat -v\r"); // no SIGQUIT: the byte reaches cat
        await screen.WaitForAsync("ready");
        screen.Type("\x1c\r"); // Ctrl-\ is no longer the detach key: cat shows it
        await screen.WaitForAsync("^\\");
        screen.Type("\x04\x1d");
        var exit = await screen.Exited.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exit.ExitCode);
        await screen.WaitForAsync("[detached from shell-1]");
    }

    [Fact]
    public async Task A_detach_key_that_is_not_a_control_key_is_refused_before_attaching()
    {
        await using var ws = new CliWorkspace();

        var result = await ws.RunAsync("attach", "--set", "tui.detach_key=F12", "shell-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("detach key 'F12' is not supported", result.Error, StringComparison.Ordinal);
    }

    // SIGTERM also cancels the verb's token (System.CommandLine's handler), so whichever handler runs first names the
    // farewell; either way it must be written, not crash the client.
    [Theory]
    [InlineData("HUP", "[hangup]")]
    [InlineData("TERM", "[terminated]|[cancelled]")]
    public async Task A_hangup_or_terminate_ends_the_client_cleanly_and_the_agent_keeps_running(string signal, string farewells)
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        await using var screen = new PtyScreen(ws, 80, 24, "attach", "shell-1");
        await screen.WaitForAsync("$");

        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", screen.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var exit = await screen.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await Wait.Until(() => farewells.Split('|').Any(f => screen.Text().Contains(f, StringComparison.Ordinal)), $"one of {farewells}; screen was:\n{screen.Text()}");
        Assert.DoesNotContain("Unhandled exception", screen.Text(), StringComparison.Ordinal);
        Assert.Equal(0, exit.ExitCode);
        var agent = await ws.AgentAsync("shell-1");
        Assert.NotEqual(AgentState.Exited, agent.State);
        Assert.True(CliWorkspace.Alive(agent.Pid));
    }

    [Fact]
    public async Task A_read_only_attach_sees_output_but_types_nothing()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn", "--size", "60x10");

        await using var screen = new PtyScreen(ws, 80, 24, "attach", "--read-only", "shell-1");
        await screen.WaitForAsync("$");
        screen.Type("echo should-not-run\r");
        await ws.RunOkAsync("agent", "send", "shell-1", "echo sent-by-cli", "--enter");
        await screen.WaitForAsync("\nsent-by-cli");

        Assert.DoesNotContain("should-not-run", (await ws.RunOkAsync("capture", "shell-1")).Out, StringComparison.Ordinal);
        Assert.Equal((60, 10), ((await ws.AgentAsync("shell-1")).Columns, (await ws.AgentAsync("shell-1")).Rows));
    }

    [Fact]
    public async Task Attaching_to_an_exited_agent_shows_its_last_screen_and_exit_status()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        await ws.RunOkAsync("agent", "send", "shell-1", "echo final-words; exit 7", "--enter");
        await Wait.Until(async () => (await ws.AgentAsync("shell-1")).State == AgentState.Exited, "the agent to exit");

        await using var screen = new PtyScreen(ws, 120, 40, "attach", "shell-1");
        var exit = await screen.Exited.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, exit.ExitCode);
        await screen.WaitForAsync("final-words");
        await screen.WaitForAsync("[shell-1 exited(7)");
    }

    [Fact]
    public async Task A_client_killed_with_sigkill_leaves_the_agent_running_with_the_same_screen()
    {
        await using var ws = new CliWorkspace();
        await ws.RunOkAsync("agent", "spawn");
        var screen = new PtyScreen(ws, 80, 24, "attach", "shell-1");
        await screen.WaitForAsync("$");
        screen.Type("printf '\\033[1;32mgreen\\033[0m and plain\\n'\r");
        await screen.WaitForAsync("\ngreen and plain");
        await using var client = await ws.ConnectAsync();
        var before = (await client.RequestAsync<CaptureResult>(new Capture("shell-1", true, 0))).Text;

        screen.Kill();
        await screen.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await screen.DisposeAsync();
        var agent = await ws.AgentAsync("shell-1");
        var sink = new ScreenSink();
        await client.AttachAsync(new Protocol.Messages.Attach("shell-1", 80, 24, ReadOnly: false), sink);
        await Wait.Until(() => sink.Styled() is not null, "the snapshot of the new attach");

        Assert.NotEqual(AgentState.Exited, agent.State);
        Assert.True(CliWorkspace.Alive(agent.Pid));
        Assert.Equal(before, sink.Styled());
    }
}
