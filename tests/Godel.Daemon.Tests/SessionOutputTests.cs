// The reader's promises: what a client or a capture has seen is already in the raw log (a killed daemon loses none
// of it), the log holds the output whole and in order, and a client attached mid-flood ends with the daemon's screen.
using Godel.Daemon.Tests.Support;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class SessionOutputTests
{
    // No tick flushes the log here: only the reader's own flush before it goes idle can put the last output in the file.
    private static Task<TestDaemon> WithoutTicks() => TestDaemon.StartAsync(o => o with { TickInterval = TimeSpan.FromHours(1) });

    [Fact]
    public async Task A_flood_reaches_the_raw_log_whole_and_in_order_as_soon_as_the_agent_pauses()
    {
        await using var daemon = await WithoutTicks();
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Name = "flood", Args = ["-c", "seq 1 60000; echo END-OF-OUTPUT; exec sleep 100"], Columns = 80, Rows = 10 });

        // Nobody looks at the screen: only the reader's flush before it sleeps can put the end of the flood in the file.
        var expected = "\ec" + string.Concat(Enumerable.Range(1, 60000).Select(i => $"{i}\r\n")) + "END-OF-OUTPUT\r\n";
        var log = await Eventually.Value(() => Task.FromResult(ReadLog(daemon, agent.Name)), l => l.Length >= expected.Length, "the whole flood in the raw log", 60_000);

        Assert.Equal(expected, log);
    }

    [Fact]
    public async Task What_a_capture_shows_is_already_in_the_raw_log()
    {
        await using var daemon = await WithoutTicks();
        await using var client = await daemon.ConnectAsync();
        var agent = await client.SpawnAsync(new SpawnAgent { Columns = 80, Rows = 10 });

        for (var i = 1; i <= 3; i++)
        {
            await client.TypeAsync(agent.Name, $"echo mark-$((40+{i}))");
            await client.WaitForScreenAsync(agent.Name, $"\nmark-{40 + i}");
            Assert.Contains($"\r\nmark-{40 + i}\r\n", ReadLog(daemon, agent.Name), StringComparison.Ordinal); // as a SIGKILL now would leave it
        }
    }

    [Fact]
    public async Task A_client_attached_during_a_colourful_flood_ends_with_exactly_the_daemons_screen()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();
        // Part of the output, then a wait for the test to attach, then the flood the client must follow live.
        const string flood = "i=0; while [ $i -lt 20000 ]; do printf '\\033[3%dm%05d \\033[1;4%dmsgr\\033[0m line\\n' $((i%8)) $i $((i%7)); i=$((i+1)); done";
        var script = $"printf '\\033[1mbefore\\n'; while [ ! -e go ]; do sleep 0.01; done; {flood}; printf '\\033[7mEND\\033[0m\\n'; exec sleep 100";
        var agent = await client.SpawnAsync(new SpawnAgent { Name = "colours", Args = ["-c", script], WorkingDirectory = daemon.Workspace, Columns = 70, Rows = 12 });
        await client.WaitForScreenAsync(agent.Name, "before");

        var sink = new ScreenSink();
        await client.AttachAsync(new Attach(agent.Name, 70, 12, ReadOnly: true), sink);
        await File.WriteAllTextAsync(Path.Combine(daemon.Workspace, "go"), "");
        await Eventually.True(() => sink.Text().Contains("END", StringComparison.Ordinal), "the end of the flood on the client's screen", 60_000);

        var daemonScreen = (await client.RequestAsync<CaptureResult>(new Capture(agent.Name, true, 0))).Text;
        Assert.Equal(daemonScreen, sink.Styled());
        Assert.Contains("19999", daemonScreen, StringComparison.Ordinal);
        Assert.True(sink.OutputBytes > 20000 * 30, $"the client followed the flood live ({sink.OutputBytes} bytes)");
    }

    private static string ReadLog(TestDaemon daemon, string agent)
    {
        using var file = new FileStream(Path.Combine(daemon.Options.LogDirectory, agent + ".log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }
}
