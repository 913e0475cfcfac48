// Ending sessions: no zombies, nothing left running, non-blocking input, many sessions at once.
using System.Diagnostics;
using System.Text;

namespace Godel.Pty.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Dispose_ends_the_child_and_reaps_it()
    {
        int pid;
        await using (var t = PtyTranscript.Start("sh", "-c", "echo READY; sleep 100"))
        {
            await t.WaitForAsync("READY");
            pid = t.Process.ProcessId;
            Assert.True(ProcState(pid) is { } state && state != 'Z', "the child should be running");
        }
        Assert.Null(ProcState(pid)); // gone entirely: reaped, not a zombie
    }

    [Fact]
    public async Task Dispose_kills_a_child_that_ignores_SIGHUP_after_the_grace_period()
    {
        var grace = TimeSpan.FromMilliseconds(300);
        var t = PtyTranscript.Start(new PtySpawnOptions
        {
            Program = "sh",
            Args = ["-c", "trap '' HUP; echo READY; exec sleep 100"],
            KillGracePeriod = grace,
        });
        await t.WaitForAsync("READY");
        var pid = t.Process.ProcessId;
        var clock = Stopwatch.StartNew();
        t.Process.Dispose();
        clock.Stop();
        var status = await t.Process.Exited.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(9, status.Signal);
        Assert.True(clock.Elapsed >= grace * 0.9, $"SIGKILL came after {clock.Elapsed}, before the grace period");
        Assert.Null(ProcState(pid));
        await t.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_wakes_a_blocked_reader_even_when_an_escaped_process_keeps_the_pts_open()
    {
        // `setsid sleep` leaves our session and process group but keeps the pts as fd 0/1/2, so the
        // master never reports EIO: only Dispose's wake-up can end the blocked Read.
        var p = PtyProcess.Spawn(new PtySpawnOptions { Program = "sh", Args = ["-c", "setsid sleep 100 & echo ESCAPED $!; sleep 100"] });
        var escaped = 0;
        try
        {
            var seen = new StringBuilder();
            var buffer = new byte[4096];
            while (!System.Text.RegularExpressions.Regex.IsMatch(seen.ToString(), @"ESCAPED \d+\r"))
                seen.Append(Encoding.ASCII.GetString(buffer, 0, p.Output.Read(buffer)));
            escaped = int.Parse(System.Text.RegularExpressions.Regex.Match(seen.ToString(), @"ESCAPED (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var blocked = Task.Factory.StartNew(() => p.Output.Read(buffer), TaskCreationOptions.LongRunning);
            await Task.Delay(100);
            Assert.False(blocked.IsCompleted);
            await p.DisposeAsync();
            Assert.Equal(0, await blocked.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(ProcState(escaped) is { } state && state != 'Z', "still alive: it left the session, as intended");
        }
        finally
        {
            await p.DisposeAsync();
            if (escaped > 0)
                Process.GetProcessById(escaped).Kill();
        }
    }

    [Fact]
    public async Task Dispose_is_idempotent_and_members_then_refuse()
    {
        var p = PtyProcess.Spawn(new PtySpawnOptions { Program = "sleep", Args = ["100"] });
        p.Dispose();
        p.Dispose();
        await p.DisposeAsync();
        Assert.Equal(1, (await p.Exited).Signal); // SIGHUP ended it
        Assert.Throws<ObjectDisposedException>(() => p.Write("x"u8));
        Assert.Equal(0, await p.Output.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task Child_inherits_only_the_pts_as_descriptors_0_1_2()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "echo READY; exec sleep 100");
        await t.WaitForAsync("READY");
        var fdDir = $"/proc/{t.Process.ProcessId}/fd";
        var fds = Directory.GetFileSystemEntries(fdDir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "0", "1", "2" }, fds);
        foreach (var fd in fds)
            Assert.Equal(t.Process.TtyName, new FileInfo(Path.Combine(fdDir, fd)).LinkTarget);
    }

    [Fact]
    public async Task Output_ends_with_zero_after_the_child_exits()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "printf 'a%.0s' $(seq 1 5000); echo; echo DONE");
        await t.CompleteAsync();
        Assert.Contains(new string('a', 5000), t.Text, StringComparison.Ordinal);
        Assert.EndsWith("DONE\r\n", t.Text, StringComparison.Ordinal);
        Assert.Equal(0, t.Process.Output.Read(new byte[10])); // stays at end
    }

    [Fact]
    public async Task Write_never_blocks_even_when_the_child_never_reads()
    {
        await using var t = PtyTranscript.Start("sleep", "100");
        var tenMegabytes = new byte[10 * 1024 * 1024];
        tenMegabytes.AsSpan().Fill((byte)'x');
        // A blocking write would never return (sleep never reads); a generous bound tells the two apart.
        var write = Task.Run(() => t.Process.Write(tenMegabytes));
        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.Same(write, finished);
        await write;
        Assert.True(t.Process.PendingInputBytes > 9 * 1024 * 1024, $"pending {t.Process.PendingInputBytes}");
    }

    [Fact]
    public async Task Input_still_queued_when_the_child_exits_is_dropped_quietly()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "sleep 0.2; exit 3");
        t.Process.Write(new byte[4 * 1024 * 1024]);
        Assert.Equal(3, (await t.CompleteAsync()).ExitCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (t.Process.PendingInputBytes > 0)
            await Task.Delay(20, timeout.Token);
        t.Process.Write("after exit"u8); // discarded, no exception
    }

    [Fact]
    public async Task Queued_input_reaches_a_child_that_reads_later_in_order()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "sleep 0.3; head -c 300000 | md5sum");
        var data = new byte[300000];
        for (var i = 0; i < data.Length; i++)
            data[i] = (byte)('a' + (i % 26));
        // Input in canonical mode is line-based: send lines so the line discipline never discards.
        for (var i = 99; i < data.Length; i += 100)
            data[i] = (byte)'\n';
        for (var off = 0; off < data.Length; off += 7000)
            t.Process.Write(data.AsSpan(off, Math.Min(7000, data.Length - off)));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data));
        await t.WaitForAsync(expected, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Cancelled_async_read_leaves_the_stream_usable()
    {
        await using var raw = PtyProcess.Spawn(new PtySpawnOptions { Program = "cat" });
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => _ = await raw.Output.ReadAsync(new byte[100], cts.Token));
        raw.Write("hello\n"u8);
        var got = new StringBuilder();
        var buf = new byte[100];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!got.ToString().Contains("hello\r\nhello\r\n", StringComparison.Ordinal))
            got.Append(Encoding.ASCII.GetString(buf, 0, await raw.Output.ReadAsync(buf, timeout.Token)));
    }

    [Fact]
    public async Task Thirty_two_concurrent_sessions_each_echo_their_own_token()
    {
        var sessions = Enumerable.Range(0, 32)
            .Select(i => PtyTranscript.Start("sh", "-c", $"read line; echo \"got-$line-{i}\""))
            .ToArray();
        try
        {
            for (var i = 0; i < sessions.Length; i++)
                sessions[i].Process.Write(Encoding.ASCII.GetBytes($"token{i}\n"));
            var statuses = await Task.WhenAll(sessions.Select(s => s.CompleteAsync()));
            Assert.All(statuses, s => Assert.Equal(0, s.ExitCode));
            for (var i = 0; i < sessions.Length; i++)
            {
                Assert.Contains($"got-token{i}-{i}", sessions[i].Text, StringComparison.Ordinal);
                for (var j = 0; j < sessions.Length; j++)
                    Assert.True(i == j || !sessions[i].Text.Contains($"-{j}\r", StringComparison.Ordinal), sessions[i].Text);
            }
        }
        finally
        {
            foreach (var s in sessions)
                await s.DisposeAsync();
        }
    }

    /// <summary>The state letter from /proc/PID/stat, or null when no such process exists.</summary>
    internal static char? ProcState(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
