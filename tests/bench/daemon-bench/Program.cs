// daemon-bench: keystroke round trip under load, cat throughput through the daemon, idle cost of 16 agents.
// usage: DaemonBench GODEL latency CHUNKFILE [samples] [flood] | cat FILE [attached] | idle SECONDS
using System.Diagnostics;
using System.Globalization;
using Godel.DaemonBench;
using Godel.Protocol.Messages;

var godel = args[0];
var mode = args[1];
await using var daemon = await BenchDaemon.StartAsync(godel);
await using var client = await daemon.ConnectAsync();

switch (mode)
{
    case "latency":
        await Latency(args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000, args.Contains("flood"));
        break;
    case "cat":
        await Cat(args[2], args.Contains("attached"));
        break;
    case "idle":
        await Idle(int.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    default:
        Console.Error.WriteLine($"unknown mode {mode}");
        return 2;
}

return 0;

async Task<AgentInfo> Spawn(string name, string script, int columns = 200, int rows = 50) =>
    (await client.RequestAsync<AgentReply>(new SpawnAgent { Name = name, Runtime = "shell", Args = ["-c", script], Columns = columns, Rows = rows })).Agent;

// 8 agents stream output (attached, like a TUI showing them all) while one echo agent measures keystroke round trips.
async Task Latency(string chunk, int samples, bool flood)
{
    var streams = new List<DiscardSink>();
    for (var i = 0; i < 8; i++)
    {
        var script = flood ? $"while :; do cat '{chunk}'; done" : $"while :; do cat '{chunk}'; sleep 0.01; done";
        var agent = await Spawn($"stream-{i}", script);
        var sink = new DiscardSink();
        await client.AttachAsync(new Attach(agent.Name, 200, 50, ReadOnly: true), sink);
        streams.Add(sink);
    }

    var echo = new EchoSink();
    await Spawn("echo", "stty raw -echo; exec cat", 80, 24);
    await Task.Delay(500);
    var attached = await client.AttachAsync(new Attach("echo", 80, 24, ReadOnly: false), echo);
    await Task.Delay(500);
    var before = streams.Sum(s => s.Bytes);
    var watch = Stopwatch.StartNew();
    var times = await RoundTrips(samples, echo, key => client.SendInputAsync(attached.Channel, new[] { key }));
    var streamed = (streams.Sum(s => s.Bytes) - before) / watch.Elapsed.TotalSeconds / 1e6;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"latency ({(flood ? "8 agents flooding" : "8 agents streaming")} {streamed:0.0} MB/s to the client): {Percentiles(times)}"));

    // The anchor, under the same load: the same echo on a PTY this process reads itself (no daemon, no socket).
    using var raw = PtyEcho.Start();
    await Task.Delay(500);
    var rawTimes = await RoundTrips(samples, raw.Sink, key => { raw.Write(key); return Task.CompletedTask; });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  anchor: raw PTY echo, same load: {Percentiles(rawTimes)}; daemon adds p50 {Median(times) - Median(rawTimes):0.000} ms"));
}

static async Task<List<double>> RoundTrips(int samples, EchoSink echo, Func<byte, Task> send)
{
    var times = new List<double>(samples);
    for (var i = 0; i < samples + 100; i++)
    {
        var key = (byte)('a' + (i % 26));
        echo.Expect(key);
        var t0 = Stopwatch.GetTimestamp();
        await send(key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await echo.WaitAsync(timeout.Token);
        if (i >= 100)
        {
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        await Task.Delay(2);
    }

    times.Sort();
    return times;
}

static double Median(List<double> sorted) => sorted[sorted.Count / 2];

static string Percentiles(List<double> sorted) => string.Create(CultureInfo.InvariantCulture,
    $"p50 {Median(sorted):0.000} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:0.000} ms, max {sorted[^1]:0.000} ms over {sorted.Count} keys");

// `cat FILE` inside an agent at 200x50; done when the daemon has drained the output and pushed the exit.
async Task Cat(string file, bool attachedClient)
{
    var exits = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<long>>();
    TaskCompletionSource<long> ExitOf(string name) => exits.GetOrAdd(name, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    client.Pushed += m =>
    {
        if (m is AgentStateChanged { Agent: { State: AgentState.Exited } agent })
        {
            ExitOf(agent.Name).TrySetResult(Stopwatch.GetTimestamp());
        }
    };
    var warmups = await WarmUp(file, ExitOf);
    var sink = new DiscardSink();
    var script = attachedClient ? $"sleep 0.3; cat '{file}'" : $"cat '{file}'";
    var jit0 = daemon.JitCpuTime();
    var t0 = Stopwatch.GetTimestamp();
    await Spawn("cat", script);
    if (attachedClient)
    {
        await client.AttachAsync(new Attach("cat", 200, 50, ReadOnly: true), sink);
        t0 += (long)(0.3 * Stopwatch.Frequency);
    }

    var t1 = await ExitOf("cat").Task.WaitAsync(TimeSpan.FromMinutes(5));
    var seconds = (t1 - t0) / (double)Stopwatch.Frequency;
    var bytes = new FileInfo(file).Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"godel-daemon{(attachedClient ? "+client" : "")} {Path.GetFileName(file)} {bytes / 1e6 / seconds:0.0} MB/s {seconds:0.00} s (client received {sink.Bytes / 1e6:0.0} MB; {warmups} warm-up runs, JIT {(daemon.JitCpuTime() - jit0).TotalSeconds:0.00} s during the run)"));
}

// Steady state, as in a daemon that has been up a while: first agents spawned and ended (the spawn, exit and
// persistence paths run often enough for tiered compilation to promote them), then the corpus through warm-up agents
// until a run and the pause after it leave the background JIT quiet. Tiered PGO counts calls only after its start-up
// delay, so the hot methods are promoted (instrumented, then optimized) during the runs after the first.
async Task<int> WarmUp(string file, Func<string, TaskCompletionSource<long>> exitOf)
{
    for (var batch = 0; batch < 5; batch++)
    {
        var names = Enumerable.Range(0, 8).Select(i => $"spawn-{batch}-{i}").ToArray();
        foreach (var name in names)
        {
            await Spawn(name, "exit 0");
        }

        await Task.WhenAll(names.Select(n => exitOf(n).Task)).WaitAsync(TimeSpan.FromMinutes(1));
    }

    for (var i = 1; ; i++)
    {
        var jit0 = daemon.JitCpuTime();
        await Spawn($"warmup-{i}", $"cat '{file}'");
        await exitOf($"warmup-{i}").Task.WaitAsync(TimeSpan.FromMinutes(5));
        await Task.Delay(1500);
        if (i == 5 || daemon.JitCpuTime() - jit0 <= TimeSpan.FromMilliseconds(30))
        {
            return i;
        }
    }
}

// 16 idle shells: the daemon's CPU over SECONDS, and its memory per agent.
async Task Idle(int seconds)
{
    await Spawn("warmup", "echo warm; exit 0");
    await Task.Delay(2000);
    var rssBefore = daemon.ResidentBytes();
    for (var i = 0; i < 16; i++)
    {
        await client.RequestAsync<AgentReply>(new SpawnAgent { Name = $"idle-{i}", Runtime = "shell", Columns = 120, Rows = 40 });
    }

    await Task.Delay(5000);
    var rssAfter = daemon.ResidentBytes();
    // Two windows back to back: the first starts 5 s after the spawns (the shells have printed their prompts and are
    // silent, but the daemon calls them idle only after daemon.idle_seconds, 30 by default); the second is the
    // steady state of a daemon whose agents all sit idle.
    for (var window = 1; window <= 2; window++)
    {
        var cpu0 = daemon.CpuTime();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cpu = (daemon.CpuTime() - cpu0).TotalSeconds / watch.Elapsed.TotalSeconds * 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle: 16 agents, window {window} ({(window == 1 ? "from 5 s after the spawns" : "steady state")}), daemon CPU {cpu:0.000}% of one core over {seconds} s; RSS {rssBefore / 1e6:0.0} MB -> {rssAfter / 1e6:0.0} MB = {(rssAfter - rssBefore) / 16.0 / 1e6:0.00} MB per idle agent"));
    }
}
