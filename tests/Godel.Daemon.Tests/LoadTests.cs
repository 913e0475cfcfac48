// Many agents at once, a flooding agent, and a client that stops reading: nobody waits for anybody.
using System.Diagnostics;
using System.Net.Sockets;
using Godel.Config.Model;
using Godel.Daemon.Tests.Support;
using Godel.Protocol;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class LoadTests
{
    private static Task<TestDaemon> WithFlood(long backlogBytes = 1024 * 1024) => TestDaemon.StartAsync(o => o with { ClientBacklogBytes = backlogBytes }, c => c with
    {
        Runtimes = new Dictionary<string, RuntimeConfig>(c.Runtimes)
        {
            ["flood"] = new() { Command = "/bin/sh", Args = ["-c", "yes 'flooding the terminal with output 0123456789'"] },
        },
    });

    [Fact]
    public async Task Sixteen_agents_each_produce_output_and_each_is_attachable()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();
        var agents = new List<AgentInfo>();
        for (var i = 0; i < 16; i++)
        {
            agents.Add(await client.SpawnAsync(new SpawnAgent { Columns = 80, Rows = 10 }));
        }

        var sinks = new List<ScreenSink>();
        foreach (var agent in agents)
        {
            var sink = new ScreenSink();
            var attached = await client.AttachAsync(new Attach(agent.Name, 80, 10, false), sink);
            await client.SendInputAsync(attached.Channel, System.Text.Encoding.ASCII.GetBytes($"echo output-of-{agent.Name}\r"));
            sinks.Add(sink);
        }

        for (var i = 0; i < agents.Count; i++)
        {
            var expected = $"\noutput-of-{agents[i].Name}";
            var sink = sinks[i];
            await Eventually.True(() => sink.Text().Contains(expected, StringComparison.Ordinal), $"{agents[i].Name}'s output on its attached screen");
        }

        Assert.Equal(16, agents.Select(a => a.Name).Distinct().Count());
        Assert.Equal(16, (await client.RequestAsync<AgentList>(new ListAgents())).Agents.Count(a => a.State != AgentState.Exited));
    }

    [Fact]
    public async Task A_flooding_agent_does_not_delay_another_agents_keystroke_echo()
    {
        await using var daemon = await WithFlood();
        await using var client = await daemon.ConnectAsync();
        var flood = await client.SpawnAsync(new SpawnAgent { Runtime = "flood" });
        var floodSink = new ScreenSink();
        await client.AttachAsync(new Attach(flood.Name, 120, 40, false), floodSink);
        var quiet = await client.SpawnAsync(new SpawnAgent { Runtime = "shell", Args = [] });
        var sink = new ScreenSink();
        var attached = await client.AttachAsync(new Attach(quiet.Name, 80, 24, false), sink);
        await client.TypeAsync(quiet.Name, "stty -icanon min 1; cat -v > /dev/null");
        await Task.Delay(300);
        await Eventually.True(() => floodSink.OutputBytes > 1_000_000, "the flood reaching its client");

        var echoes = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var key = (char)('a' + i);
            var watch = Stopwatch.StartNew();
            var before = sink.Output().Count(c => c == key);
            await client.SendInputAsync(attached.Channel, new[] { (byte)key });
            await Eventually.True(() => sink.Output().Count(c => c == key) > before, $"echo of '{key}'", 5_000);
            echoes.Add(watch.Elapsed);
        }

        // A generous bound on the median against flakiness on a shared machine; the real figures are measured in
        // tests/bench. Were keystrokes queued behind the flood, every echo would wait for megabytes of output.
        echoes.Sort();
        Assert.True(echoes[echoes.Count / 2] < TimeSpan.FromMilliseconds(500), $"median echo took {echoes[echoes.Count / 2].TotalMilliseconds:0} ms (slowest {echoes[^1].TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task A_client_that_stops_reading_gets_a_fresh_snapshot_instead_of_a_backlog()
    {
        // A small limit, so that even a flood slowed down by a loaded machine overruns it while the client sleeps.
        await using var daemon = await WithFlood(backlogBytes: 64 * 1024);
        await using var good = await daemon.ConnectAsync();
        var flood = await good.SpawnAsync(new SpawnAgent { Runtime = "flood" });
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.ReceiveBufferSize = 8 * 1024;
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(daemon.Host.SocketPath));
        await using var slow = new NetworkStream(socket);
        var reader = new FrameReader(slow);
        await slow.WriteAsync(FrameEncoder.Message(new Hello(ProtocolInfo.Version, "slow", "0", 1) { Id = 1 }));
        await reader.ReadAsync();
        await slow.WriteAsync(FrameEncoder.Message(new Attach(flood.Name, 80, 24, true) { Id = 2 }));

        await Task.Delay(1500); // not reading: the daemon must drop this client's backlog, not buffer it
        var snapshots = 0;
        long output = 0;
        var watch = Stopwatch.StartNew();
        while (snapshots < 2 && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            var frame = (await reader.ReadAsync())!.Value;
            snapshots += frame.Kind == FrameKind.Snapshot ? 1 : 0;
            output += frame.Kind == FrameKind.Output ? frame.Payload.Length : 0;
        }

        Assert.Equal(2, snapshots);
        Assert.True(output < 4 * daemon.Options.ClientBacklogBytes, $"{output} bytes of backlog reached the slow client before its fresh snapshot");
        Assert.NotNull(await good.RequestAsync<AgentList>(new ListAgents()));
    }
}
