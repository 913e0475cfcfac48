// BenchmarkDotNet suite: emulator throughput on the plain and SGR corpora, with allocations.
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Godel.Terminal;

namespace Godel.Benchmarks.Terminal;

/// <summary>Feeds 16 MiB of each corpus in 64 KiB chunks into a long-lived 200x50 pane (steady state).</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class EmulatorBenchmarks
{
    /// <summary>In-process: no generated project to build (that times out on a busy shared machine).</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1));
    }

    private const int Chunk = 64 * 1024;
    private byte[] _data = [];
    private TerminalEmulator _terminal = null!;

    [Params("plain", "sgr")]
    public string Corpus { get; set; } = "plain";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Environment.GetEnvironmentVariable("GODEL_CORPUS") ?? "/tmp/godel-corpus";
        var path = Path.Combine(dir, Corpus + ".txt");
        if (!File.Exists(path)) throw new FileNotFoundException($"corpus missing: run `python3 /work/shared/bench/make-corpus.py {dir}`", path);
        using var f = File.OpenRead(path);
        _data = new byte[16 * 1024 * 1024];
        f.ReadExactly(_data);
        _terminal = new TerminalEmulator(EmulatorThroughput.PaneOptions);
        Feed(); // fill history so the measured runs are steady state
    }

    [Benchmark]
    public void Feed16MiB() => Feed();

    private void Feed()
    {
        for (var i = 0; i < _data.Length; i += Chunk) _terminal.Feed(_data.AsSpan(i, Chunk));
    }
}
