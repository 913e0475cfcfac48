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

    public void Dispose() => _dir.Delete(recursive: true);
}
