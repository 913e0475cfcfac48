// `emu-feed FILE`: the emulator alone, fed the file in the 4 KiB chunks a pty delivers: the ceiling for pty-cat.
using System.Diagnostics;
using System.Globalization;

namespace Godel.Benchmarks;

internal static class EmuFeed
{
    private const int PtyChunk = 4096;

    internal static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: emu-feed FILE");
            return 2;
        }
        var data = File.ReadAllBytes(args[0]);
        var best = 0.0;
        var bestCpu = 0.0;
        var firstCpu = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var sink = EmulatorSink.Create(200, 50);
            var cpu = ThreadCpu.Seconds();
            var clock = Stopwatch.StartNew();
            for (var off = 0; off < data.Length; off += PtyChunk)
                sink.Feed(data.AsSpan(off, Math.Min(PtyChunk, data.Length - off)));
            best = Math.Max(best, data.Length / 1e6 / clock.Elapsed.TotalSeconds);
            var perCpu = data.Length / 1e6 / (ThreadCpu.Seconds() - cpu);
            bestCpu = Math.Max(bestCpu, perCpu);
            if (run == 0) firstCpu = perCpu;
        }
        // The second figure divides by this thread's CPU time: on a busy machine it still compares builds fairly.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"godel-emulator-only {Path.GetFileName(args[0])} {best:F1} MB/s ({bestCpu:F1} MB per CPU second; first, cold pass {firstCpu:F1})"));
        return 0;
    }
}
