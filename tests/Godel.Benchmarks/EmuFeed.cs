// `emu-feed FILE [--parse-only]`: the emulator alone, fed the file in the 4 KiB chunks a pty delivers: the ceiling for pty-cat.
// --parse-only runs the VT parser with a handler that does nothing, to split parser cost from screen cost.
using System.Diagnostics;
using System.Globalization;
using Godel.Terminal.Parsing;

namespace Godel.Benchmarks;

internal static class EmuFeed
{
    private const int PtyChunk = 4096;

    internal static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: emu-feed FILE [--parse-only]");
            return 2;
        }
        var data = File.ReadAllBytes(args[0]);
        var parseOnly = args.Contains("--parse-only");
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var sink = EmulatorSink.Create(200, 50);
            var parser = new VtParser(new NullHandler());
            var clock = Stopwatch.StartNew();
            for (var off = 0; off < data.Length; off += PtyChunk)
            {
                var chunk = data.AsSpan(off, Math.Min(PtyChunk, data.Length - off));
                if (parseOnly) parser.Feed(chunk);
                else sink.Feed(chunk);
            }
            best = Math.Max(best, data.Length / 1e6 / clock.Elapsed.TotalSeconds);
        }
        var what = parseOnly ? "godel-parser-only" : "godel-emulator-only";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {Path.GetFileName(args[0])} {best:F1} MB/s"));
        return 0;
    }

    private sealed class NullHandler : IVtHandler
    {
        public void PrintAscii(ReadOnlySpan<byte> run) { }

        public void Print(int codePoint) { }

        public void Execute(byte control) { }

        public void CsiDispatch(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final) { }

        public void EscDispatch(ReadOnlySpan<byte> intermediates, byte final) { }

        public void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated) { }

        public void DcsHook(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final) { }

        public void DcsPut(byte data) { }

        public void DcsUnhook() { }
    }
}
