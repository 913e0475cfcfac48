// Console modes for the terminal emulator: in-process throughput (MB/s) and memory of a pane holding history.
using System.Diagnostics;
using Godel.Terminal;

namespace Godel.Benchmarks.Terminal;

/// <summary>
/// `dotnet run -c Release --project tests/Godel.Benchmarks -- terminal-throughput CORPUS...` feeds each file
/// in 64 KiB chunks to a 200x50 emulator with 10k lines of history, like the xterm.js anchor, and prints MB/s.
/// `terminal-memory SGR_CORPUS` measures the managed memory of a pane holding 10k lines of it.
/// </summary>
public static class EmulatorThroughput
{
    private const int Chunk = 64 * 1024;

    public static TerminalOptions PaneOptions => new() { Columns = 200, Rows = 50, ScrollbackLines = 10_000, ScrollbackBytes = Environment.GetEnvironmentVariable("XNOHIST") == "1" ? 0 : 16L * 1024 * 1024 };

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "terminal-memory") return Memory(args[1]);
        if (args[0] == "terminal-encode")
        {
            EncodeOnly.Run();
            return 0;
        }
        if (args[0] == "terminal-parser")
        {
            foreach (var file in args.Skip(1)) ParserOnly.Run(file);
            return 0;
        }
        foreach (var file in args.Skip(1)) Throughput(file);
        return 0;
    }

    private static void Throughput(string file)
    {
        var data = File.ReadAllBytes(file);
        Feed(data, Math.Min(data.Length, 4 * 1024 * 1024)); // warm-up: JIT tiers settle
        var best = 0.0;
        var bestCpu = 0.0;
        long allocated = 0;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            Feed(data, data.Length);
            sw.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Max(best, data.Length / 1e6 / sw.Elapsed.TotalSeconds);
            bestCpu = Math.Max(bestCpu, data.Length / 1e6 / cpu);
        }
        // Allocation includes one fresh 200x50 pane per run (two grids, about 0.3 MiB); feeding itself allocates nothing per byte.
        Console.WriteLine($"godel {Path.GetFileName(file)} {best:F1} MB/s wall, {bestCpu:F1} MB/s per CPU-second (best of 3), allocated {allocated / 1024.0 / 1024.0:F2} MiB per {data.Length / 1024 / 1024} MiB fed");
    }

    private static void Feed(byte[] data, int length)
    {
        var t = new TerminalEmulator(PaneOptions);
        for (var i = 0; i < length; i += Chunk) t.Feed(data.AsSpan(i, Math.Min(Chunk, length - i)));
    }

    /// <summary>A PTY turns LF into CR LF (ONLCR); do the same so lines land as they would in a real pane.</summary>
    public static byte[] WithCrLf(byte[] data, int maxLines)
    {
        var output = new List<byte>(data.Length + (data.Length / 40));
        var lines = 0;
        foreach (var b in data)
        {
            if (b == (byte)'\n')
            {
                output.Add((byte)'\r');
                if (++lines > maxLines) break;
            }
            output.Add(b);
        }
        return [.. output];
    }

    private static int Memory(string file)
    {
        var lines = WithCrLf(File.ReadAllBytes(file), 10_000 + 50);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var t = new TerminalEmulator(PaneOptions);
        for (var i = 0; i < lines.Length; i += Chunk) t.Feed(lines.AsSpan(i, Math.Min(Chunk, lines.Length - i)));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"godel pane 200x50 holding {t.Screen.ScrollbackLineCount} history lines + screen of {Path.GetFileName(file)}: {(after - before) / 1e6:F2} MB managed ({t.Screen.ScrollbackBytes / 1e6:F2} MB encoded history)");
        GC.KeepAlive(t);
        return 0;
    }
}
