// Counts this process's open descriptors around many sessions; runs alone so other tests' fds do not interfere.
namespace Godel.Pty.Tests;

[CollectionDefinition(nameof(DescriptorCounting), DisableParallelization = true)]
public sealed class DescriptorCounting;

[Collection(nameof(DescriptorCounting))]
public sealed class DescriptorLeakTests
{
    [Fact]
    public async Task A_hundred_spawn_and_dispose_cycles_leave_no_descriptor_and_no_process_behind()
    {
        for (var i = 0; i < 5; i++)
            await CycleAsync(i); // warm-up: the runtime opens a few descriptors once (epoll, pipes)
        var before = OpenDescriptors();
        var pids = new List<int>();
        for (var i = 0; i < 100; i++)
            pids.Add(await CycleAsync(i));
        var after = OpenDescriptors();
        Assert.Equal(before, after);
        Assert.All(pids, pid => Assert.Null(LifecycleTests.ProcState(pid)));
    }

    private static async Task<int> CycleAsync(int i)
    {
        // Alternate: a child that exits by itself and output read to the end, and one killed by Dispose.
        var options = i % 2 == 0
            ? new PtySpawnOptions { Program = "sh", Args = ["-c", "echo hi"] }
            : new PtySpawnOptions { Program = "sleep", Args = ["100"] };
        await using var p = PtyProcess.Spawn(options);
        if (i % 2 == 0)
        {
            var buf = new byte[256];
            while (await p.Output.ReadAsync(buf) > 0)
            {
            }
            await p.Exited;
        }
        else
        {
            p.Write("x"u8);
        }
        return p.ProcessId;
    }

    private static int OpenDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Length;
}
