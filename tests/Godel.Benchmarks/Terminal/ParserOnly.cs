// Diagnostic mode: parser throughput with a handler that does nothing, to separate parsing from screen work.
using System.Diagnostics;
using Godel.Terminal.Parsing;

namespace Godel.Benchmarks.Terminal;

public static class ParserOnly
{
    public static void Run(string file)
    {
        var data = File.ReadAllBytes(file);
        var best = 0.0;
        for (var run = 0; run < 4; run++)
        {
            var p = new VtParser(new NullHandler());
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < data.Length; i += 65536) p.Feed(data.AsSpan(i, Math.Min(65536, data.Length - i)));
            best = Math.Max(best, data.Length / 1e6 / sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"parser-only {Path.GetFileName(file)} {best:F1} MB/s");
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
