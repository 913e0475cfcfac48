// Diagnostic mode: cost of encoding one screen row into history.
using System.Diagnostics;
using Godel.Terminal.Screen;

namespace Godel.Benchmarks.Terminal;

public static class EncodeOnly
{
    public static void Run()
    {
        var row = new Cell[200];
        for (var i = 60; i < 120; i++) row[i] = new Cell('a' + (i % 26), 0, 0, 0);
        var clusters = new ClusterTable();
        var scratch = new byte[4096];
        var sb = new Scrollback(16 << 20, 10_000);
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < 300_000; k++) LineCodec.Encode(row, ref scratch, clusters);
            var enc = sw.Elapsed.TotalNanoseconds / 300_000;
            sw.Restart();
            for (var k = 0; k < 300_000; k++) sb.Append(row, false, clusters);
            var app = sw.Elapsed.TotalNanoseconds / 300_000;
            Console.WriteLine($"encode {enc:F0} ns/row, append {app:F0} ns/row");
        }
    }
}
