// Real `godel` processes racing on the beads branch, and processes killed with SIGKILL mid-write.
using System.Diagnostics;
using System.Text.Json;

namespace Godel.Cli.Tests.Beads;

public sealed class BeadConcurrencyTests : IDisposable
{
    private readonly BeadsRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private List<string> CreateBeads(int n) =>
        Enumerable.Range(0, n).Select(i => _repo.Ok("bead", "create", $"shared {i}", "--quiet").Trim()).ToList();

    [Fact]
    public void Eight_processes_making_fifty_updates_each_to_overlapping_beads_lose_nothing()
    {
        const int processes = 8, updates = 50;
        var beads = CreateBeads(4);
        var loops = Enumerable.Range(0, processes).Select(p =>
        {
            // Each process comments on the beads in turn, starting at a different one: every bead is hit by all eight.
            var script = $"for i in $(seq 0 {updates - 1}); do b=$(( ({p} + i) % 4 )); " +
                "eval id=\\$id$b; " +
                $"dotnet \"$GODEL\" bead comment \"$id\" \"p{p}-u$i\" >/dev/null || echo \"FAILED p{p}-u$i\" >&2; done";
            var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = _repo.Dir, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.Environment["GODEL"] = BeadsRepo.GodelDll;
            for (var b = 0; b < beads.Count; b++) start.Environment[$"id{b}"] = beads[b];
            return Process.Start(start)!;
        }).ToList();
        var errors = loops.Select(p => p.StandardError.ReadToEndAsync()).ToList();
        foreach (var p in loops)
        {
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(8)), "a writer process hung");
            p.Dispose();
        }
        Assert.All(errors, e => Assert.Equal("", e.Result));

        var expected = (from p in Enumerable.Range(0, processes) from u in Enumerable.Range(0, updates) select $"p{p}-u{u}").ToHashSet();
        var stored = JsonDocument.Parse(_repo.Ok("bead", "list", "--json")).RootElement.EnumerateArray()
            .SelectMany(b => b.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()!))
            .ToList();
        Assert.Equal(processes * updates, stored.Count);
        Assert.Equal(expected, stored.ToHashSet());
        var log = _repo.Git("log --format=%s godel/beads");
        var commented = log.Split('\n').Where(l => l.Contains(": comment by Test User: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(processes * updates, commented.Count);
        Assert.All(expected, text => Assert.Contains($"\"{text}\"", log, StringComparison.Ordinal));
        _repo.Git("fsck --strict");
    }

    [Fact]
    public void Writers_killed_with_SIGKILL_at_random_moments_leave_a_clean_readable_store()
    {
        var beads = CreateBeads(3);
        var random = new Random(1234);
        var survived = new List<string>();
        for (var round = 0; round < 25; round++)
        {
            var batch = Enumerable.Range(0, 3).Select(k =>
            {
                var text = $"r{round}-k{k}";
                return (text, process: _repo.Start("bead", "comment", beads[(round + k) % beads.Count], text));
            }).ToList();
            Thread.Sleep(random.Next(40, 320)); // start-up is ~100 ms, a write a few ms: kills land before, during and after
            foreach (var (text, process) in batch)
            {
                if (!process.HasExited) process.Kill(); // SIGKILL on Unix
                process.WaitForExit();
                if (process.ExitCode == 0) survived.Add(text);
                process.Dispose();
            }
        }

        var fsck = RunGitAll("fsck --strict --full");
        Assert.True(fsck.Code == 0, fsck.Output);
        Assert.DoesNotContain("error", fsck.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("commit", _repo.Git("cat-file -t godel/beads").Trim());
        _repo.Git("ls-tree -r godel/beads");

        var list = _repo.Run("bead", "list", "--json");
        Assert.Equal("", list.Error);
        var stored = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(beads.Order(), stored.Select(b => b.GetProperty("id").GetString()!).Order());
        var texts = stored.SelectMany(b => b.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString())).ToHashSet();
        Assert.All(survived, t => Assert.Contains(t, texts)); // every write that reported success is there

        // And the store still takes writes: no stale lock was left behind.
        _repo.Ok("bead", "comment", beads[0], "after the storm");
    }

    [Fact]
    public void A_stale_ref_lock_left_by_a_killed_git_writer_does_not_block_the_store()
    {
        var id = _repo.Ok("bead", "create", "x", "--quiet").Trim();
        var lockFile = Path.Combine(_repo.Dir, ".git", "refs", "heads", "godel", "beads.lock");
        File.WriteAllText(lockFile, "0000000000000000000000000000000000000000\n");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddMinutes(-1));
        _repo.Ok("bead", "comment", id, "through the lock");
        Assert.False(File.Exists(lockFile));
        Assert.Contains("through the lock", _repo.Ok("bead", "show", id), StringComparison.Ordinal);
    }

    private (int Code, string Output) RunGitAll(string args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = _repo.Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error.Result);
    }
}
