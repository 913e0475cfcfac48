// `bead-create-profile [N] [--creates K]`: where a `bead create` on an N-bead store spends its time, in wall and CPU ms per op.
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Godel.Beads.Model;
using Godel.Beads.Store;
using LibGit2Sharp;

namespace Godel.Benchmarks.Beads;

/// <summary>
/// Times K whole creates (median wall and CPU per op, CPU being what a loaded machine disturbs least), then each
/// step of one create alone on the same store, and libgit2 writing the same tree as the anchor.
/// </summary>
internal static class BeadCreateProfile
{
    public static int Run(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var v) ? v : 10_000;
        var at = Array.IndexOf(args, "--creates");
        var creates = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 200;
        var dir = Path.Combine(Path.GetTempPath(), "godel-bench-profile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            BeadStoreGenerator.Generate(dir, n);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {n} beads; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
            using var store = BeadStore.Open(dir);
            store.View();
            for (var i = 0; i < 20; i++) Create(store);
            Report("bead create (whole)", creates, () => Create(store));
            if (args.Contains("--only-create")) return 0;
            Steps(dir, creates);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static void Create(BeadStore store) => store.Create(new NewBead { Title = "benchmark bead", Labels = ["bench"] });

    private static void Steps(string dir, int count)
    {
        using var repo = new Repository(dir);
        var tree = (Tree)repo.Branches["godel/beads"].Tip[".godel/beads"].Target;
        var raw = RawTree.From(tree.Select(e => new RawEntry(e.Name, RawEntry.FileMode, e.Target.Id.RawId)));
        var bytes = raw.Serialize();
        Console.WriteLine($"tree object: {bytes.Length / 1024} KB, {raw.Entries.Count} entries");
        var objects = new LooseObjectWriter(Path.Combine(dir, ".git"));
        var sink = Path.Combine(dir, "sink.z");
        var entry = new RawEntry("godel-zzzzz.json", RawEntry.FileMode, new byte[20]);
        Report("  splice one entry (RawTree.Set)", count, () => raw.Set(entry));
        Report("  serialize the tree", count, () => raw.Serialize());
        Report("  SHA-1 of the tree", count, () => SHA1.HashData(bytes));
        Report("  zlib fastest → file", count, () => Deflate(sink, bytes, CompressionLevel.Fastest));
        Report("  zlib stored → file", count, () => Deflate(sink, bytes, CompressionLevel.NoCompression));
        Report("  plain write → file", count, () => File.WriteAllBytes(sink, bytes));
        var i = 0;
        objects.WriteTree(raw);
        Report("  LooseObjectWriter.WriteTree (object exists: serialize + SHA-1)", count, () => objects.WriteTree(raw));
        var deflated = objects.PiecesDeflated;
        Report("  LooseObjectWriter.WriteTree (one new entry each time)", count, () =>
            objects.WriteTree(Spliced(raw, i++)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    pieces deflated per write: {(objects.PiecesDeflated - deflated) / (double)count:F2}"));
        Report("  same, whole-tree zlib (the previous way)", count, () =>
            objects.Write("tree", Spliced(raw, i++).Serialize()));
        Report("  libgit2 ref read + CAS move", count, () =>
        {
            var head = repo.Refs["refs/heads/godel/beads"];
            repo.Refs.UpdateTarget(head, head.ResolveToDirectReference().Target.Id, "probe");
        });
        var j = 0;
        Report("ANCHOR libgit2 ObjectDatabase.Write<Tree> (same tree)", count, () =>
        {
            raw.Set(new RawEntry($"godel-y{j++:0000}.json", RawEntry.FileMode, new byte[20]));
            repo.ObjectDatabase.Write<Tree>(raw.Serialize());
        });
    }

    private static RawTree Spliced(RawTree tree, int i)
    {
        tree.Set(new RawEntry($"godel-x{i:0000}.json", RawEntry.FileMode, SHA1.HashData(BitConverter.GetBytes(i))));
        return tree;
    }

    private static void Deflate(string path, byte[] bytes, CompressionLevel level)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var z = new ZLibStream(file, level);
        z.Write(bytes);
    }

    private static void Report(string what, int count, Action op)
    {
        var walls = new double[count];
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        for (var k = 0; k < count; k++)
        {
            var t = Stopwatch.GetTimestamp();
            op();
            walls[k] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / count;
        Array.Sort(walls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-55} median {walls[count / 2],7:F3} ms  p90 {walls[count * 9 / 10],7:F3} ms  CPU {cpu,7:F3} ms/op"));
    }
}
