// The raw output log rotates at its cap and keeps the configured number of old files.
using Godel.Daemon.Sessions;

namespace Godel.Daemon.Tests;

public sealed class RawLogTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("godel-rawlog-");

    [Fact]
    public void The_log_rotates_at_its_cap_and_keeps_the_newest_files()
    {
        var path = Path.Combine(_dir.FullName, "a.log");
        using (var log = new RawLog(path, maxBytes: 4096, keep: 2))
        {
            for (var i = 0; i < 5; i++)
            {
                log.Write(Enumerable.Repeat((byte)('0' + i), 4000).ToArray());
            }
        }

        var files = RawLog.Files(path, 2);

        Assert.Equal([path + ".2", path + ".1", path], files);
        Assert.Equal((byte)'2', File.ReadAllBytes(files[0])[0]);
        Assert.Equal((byte)'4', File.ReadAllBytes(files[2])[0]);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 4096));
    }

    [Fact]
    public void A_reopened_log_counts_the_bytes_already_in_its_file_towards_the_cap()
    {
        var path = Path.Combine(_dir.FullName, "b.log");
        using (var log = new RawLog(path, maxBytes: 4096, keep: 1))
        {
            log.Write(Enumerable.Repeat((byte)'a', 3000).ToArray());
        }

        using (var log = new RawLog(path, maxBytes: 4096, keep: 1))
        {
            log.Write(Enumerable.Repeat((byte)'b', 2000).ToArray());
        }

        Assert.Equal([path + ".1", path], RawLog.Files(path, 1));
        Assert.Equal(new string('a', 3000), File.ReadAllText(path + ".1"));
        Assert.Equal(new string('b', 2000), File.ReadAllText(path));
    }

    [Fact]
    public void Flush_puts_buffered_bytes_in_the_file_for_any_reader()
    {
        var path = Path.Combine(_dir.FullName, "c.log");
        using var log = new RawLog(path, maxBytes: 1 << 20, keep: 1);
        log.Write("first "u8);
        log.Flush();
        log.Write("second"u8);
        log.Flush();

        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.Equal("first second", new StreamReader(reader).ReadToEnd());
    }

    [Fact]
    public void A_flood_across_many_blocks_and_rotations_is_in_the_files_whole_and_in_order_after_flush()
    {
        var path = Path.Combine(_dir.FullName, "d.log");
        var expected = new System.Text.StringBuilder();
        using var log = new RawLog(path, maxBytes: 300_000, keep: 20);
        var random = new Random(7);
        for (var i = 0; expected.Length < 3_000_000; i++)
        {
            var chunk = string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(j => $"{i}.{j} "));
            log.Write(System.Text.Encoding.ASCII.GetBytes(chunk));
            expected.Append(chunk);
        }

        log.Flush(); // no Dispose: what a killed daemon would leave

        var files = RawLog.Files(path, 20);
        Assert.Equal(expected.ToString(), string.Concat(files.Select(ReadShared)));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 300_000, $"{f} is over the cap"));
        Assert.True(files.Count >= 10, $"only {files.Count} files");
    }

    private static string ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(file).ReadToEnd();
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
