// `pty-cat FILE [--discard] [--pipelined] [--runs N] [--stats]` (PTYCAT_LOG=DIR adds the daemon's raw-log writes and read loop): time `cat FILE` on a Godel pseudo-terminal at 200x50, the output fed to
// Godel's emulator (or discarded), like shared/bench/rawpty.py and tmux-cat.sh. Prints MB/s.
using System.Diagnostics;
using System.Globalization;
using Godel.Pty;

namespace Godel.Benchmarks;

internal static class PtyCat
{
    private const int ReadBuffer = 64 * 1024;

    internal static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine("usage: pty-cat FILE [--discard] [--pipelined] [--runs N] [--stats]   (FILE from shared/bench/make-corpus.py)");
            return 2;
        }
        var discard = args.Contains("--discard");
        var runsAt = Array.IndexOf(args, "--runs");
        var runs = runsAt >= 0 && runsAt + 1 < args.Length ? int.Parse(args[runsAt + 1], CultureInfo.InvariantCulture) : 1;
        var best = 0.0;
        for (var i = 0; i < runs; i++)
        {
            var (bytes, seconds) = Once(file, discard, args.Contains("--stats"), args.Contains("--pipelined"));
            best = Math.Max(best, bytes / 1e6 / seconds);
            if (runs > 1)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {i + 1}: {bytes / 1e6 / seconds:F1} MB/s {seconds:F2} s"));
        }
        var mode = discard ? "godel-pty-discard" : args.Contains("--pipelined") ? "godel-pty+emulator-pipelined" : "godel-pty+emulator";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode} {Path.GetFileName(file)} {best:F1} MB/s"));
        return 0;
    }

    // Same shape as rawpty.py: the clock starts before the spawn and stops when output ends.
    private static (long Bytes, double Seconds) Once(string file, bool discard, bool stats, bool pipelined)
    {
        var sink = discard ? null : EmulatorSink.Create(200, 50);
        var clock = Stopwatch.StartNew();
        using var pty = PtyProcess.Spawn(new PtySpawnOptions { Program = "cat", Args = [file], Columns = 200, Rows = 50 });
        long total = 0;
        long reads = 0;
        if (pipelined && sink is not null)
        {
            (total, reads) = ReadPipelined(pty, sink);
        }
        else if (Environment.GetEnvironmentVariable("PTYCAT_LOG") is { Length: > 0 } logDir)
        {
            // Experiment: the daemon's read loop (process, then non-blocking reads; the raw log flushed when dry).
            Directory.CreateDirectory(logDir);
            var path = Path.Combine(logDir, "raw.log");
            File.Delete(path);
            using var log = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024);
            var buffer = new byte[ReadBuffer];
            var n = pty.Output.Read(buffer);
            while (n > 0)
            {
                sink?.Feed(buffer.AsSpan(0, n));
                log.Write(buffer.AsSpan(0, n));
                total += n;
                reads++;
                n = pty.ReadAvailable(buffer);
                if (n < 0)
                {
                    log.Flush();
                    n = pty.Output.Read(buffer);
                }
            }
        }
        else
        {
            var buffer = new byte[ReadBuffer];
            int n;
            while ((n = pty.Output.Read(buffer)) > 0)
            {
                sink?.Feed(buffer.AsSpan(0, n));
                total += n;
                reads++;
            }
        }
        pty.Exited.Wait();
        if (stats)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reads} reads, {total / Math.Max(1, reads)} bytes each on average; last line: {sink?.LastLine()}"));
        clock.Stop();
        return (total, clock.Elapsed.TotalSeconds);
    }

    // Experiment: one thread drains the pty into a bounded queue of 64 KiB buffers while this
    // thread feeds the emulator, so reading and emulating overlap on two cores.
    private static (long Bytes, long Reads) ReadPipelined(IPtyProcess pty, EmulatorSink sink)
    {
        using var full = new System.Collections.Concurrent.BlockingCollection<(byte[] Buffer, int Length)>(boundedCapacity: 64);
        var free = new System.Collections.Concurrent.ConcurrentBag<byte[]>();
        long reads = 0;
        var reader = new Thread(() =>
        {
            while (true)
            {
                var buffer = free.TryTake(out var b) ? b : new byte[ReadBuffer];
                var n = pty.Output.Read(buffer);
                if (n <= 0)
                    break;
                reads++;
                full.Add((buffer, n));
            }
            full.CompleteAdding();
        }) { IsBackground = true };
        reader.Start();
        long total = 0;
        foreach (var (buffer, length) in full.GetConsumingEnumerable())
        {
            sink.Feed(buffer.AsSpan(0, length));
            total += length;
            free.Add(buffer);
        }
        reader.Join();
        return (total, reads);
    }
}
