// Real processes on real pseudo-terminals: session, controlling terminal, sizes, signals, exit status.
using System.Text.RegularExpressions;

namespace Godel.Pty.Tests;

public sealed class SpawnTests
{
    [Fact]
    public async Task Child_is_a_session_leader_whose_controlling_terminal_is_the_pts()
    {
        await using var t = PtyTranscript.Start("python3", "-c",
            "import os; print('ids', os.getsid(0), os.getpid(), os.tcgetpgrp(0), os.ttyname(0), os.ttyname(1), os.ttyname(2))");
        await t.CompleteAsync();
        var m = Regex.Match(t.Text, @"ids (\d+) (\d+) (\d+) (\S+) (\S+) (\S+)");
        Assert.True(m.Success, t.Text);
        var pid = t.Process.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(pid, m.Groups[1].Value); // session id = own pid: session leader
        Assert.Equal(pid, m.Groups[2].Value);
        Assert.Equal(pid, m.Groups[3].Value); // foreground group of its terminal: it owns the terminal
        Assert.Equal(t.Process.TtyName, m.Groups[4].Value);
        Assert.Equal(t.Process.TtyName, m.Groups[5].Value);
        Assert.Equal(t.Process.TtyName, m.Groups[6].Value);
    }

    [Fact]
    public async Task Tty_command_names_the_pts_from_the_controlling_terminal()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "tty; ps -o sid=,pid=,tty= -p $$");
        await t.CompleteAsync();
        Assert.Contains(t.Process.TtyName!, t.Text, StringComparison.Ordinal);
        var ps = Regex.Match(t.Text, @"^\s*(\d+)\s+(\d+)\s+(pts/\d+)", RegexOptions.Multiline);
        Assert.True(ps.Success, t.Text);
        Assert.Equal(ps.Groups[1].Value, ps.Groups[2].Value);
        Assert.Equal("/dev/" + ps.Groups[3].Value, t.Process.TtyName);
    }

    [Fact]
    public async Task Child_sees_the_requested_window_size()
    {
        await using var t = PtyTranscript.Start(new PtySpawnOptions { Program = "stty", Args = ["size"], Columns = 123, Rows = 45 });
        await t.CompleteAsync();
        Assert.Equal("45 123", t.Text.Trim());
    }

    [Fact]
    public async Task Resize_sends_SIGWINCH_and_changes_the_size()
    {
        await using var t = PtyTranscript.Start("bash", "-c",
            "trap 'echo WINCH $(stty size)' WINCH; echo READY; while :; do sleep 0.05; done");
        await t.WaitForAsync("READY");
        t.Process.Resize(100, 30);
        await t.WaitForAsync("WINCH 30 100");
    }

    [Fact]
    public async Task Resize_to_nonsense_sizes_is_clamped_to_what_a_terminal_can_hold()
    {
        await using var t = PtyTranscript.Start("bash", "-c",
            "trap 'echo WINCH $(stty size)' WINCH; echo READY; while :; do sleep 0.05; done");
        await t.WaitForAsync("READY");
        t.Process.Resize(0, -5);
        await t.WaitForAsync("WINCH 1 1");
        t.Process.Resize(1_000_000, 10);
        await t.WaitForAsync("WINCH 10 65535");
    }

    [Fact]
    public async Task Blocking_reads_on_a_dedicated_thread_see_every_byte_in_order()
    {
        await using var p = PtyProcess.Spawn(new PtySpawnOptions { Program = "seq", Args = ["1", "200000"] });
        var text = new System.Text.StringBuilder();
        var reader = new Thread(() =>
        {
            var buffer = new byte[65536];
            int n;
            while ((n = p.Output.Read(buffer, 0, buffer.Length)) > 0)
                text.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, n));
        });
        reader.Start();
        Assert.True(reader.Join(TimeSpan.FromSeconds(60)), "output never ended");
        var expected = string.Join("\r\n", Enumerable.Range(1, 200000)) + "\r\n";
        Assert.Equal(expected, text.ToString());
        Assert.Equal(0, (await p.Exited).ExitCode);
    }

    [Fact]
    public async Task Ctrl_C_byte_reaches_the_child_as_SIGINT()
    {
        await using var t = PtyTranscript.Start("bash", "-c",
            "trap 'echo GOT-INT' INT; echo READY; while :; do sleep 0.05; done");
        await t.WaitForAsync("READY");
        t.Process.Write([0x03]);
        await t.WaitForAsync("GOT-INT");
    }

    [Fact]
    public async Task Exit_code_is_reported()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "exit 7");
        var status = await t.CompleteAsync();
        Assert.Equal(new PtyExitStatus(7, null), status);
    }

    [Fact]
    public async Task Killing_signal_is_reported()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "kill -9 $$");
        var status = await t.CompleteAsync();
        Assert.Equal(new PtyExitStatus(null, 9), status);
    }

    [Fact]
    public async Task Signal_goes_to_the_process_group()
    {
        await using var t = PtyTranscript.Start("sh", "-c", "echo READY; sleep 100");
        await t.WaitForAsync("READY");
        t.Process.Signal(15);
        var status = await t.CompleteAsync();
        Assert.Equal(15, status.Signal);
    }

    [Fact]
    public async Task Child_starts_with_default_signal_dispositions_and_nothing_blocked()
    {
        await using var t = PtyTranscript.Start("grep", "-E", "^Sig(Ign|Blk)", "/proc/self/status");
        await t.CompleteAsync();
        // The runtime ignores SIGPIPE; SETSIGDEF must undo that. (glibc itself leaves its internal
        // real-time signals 32 and 33 ignored in every spawned child, so only 1-31 are checked.)
        Assert.Equal(0UL, SignalMask.Standard(t.Text, "SigIgn"));
        Assert.Equal(0UL, SignalMask.Standard(t.Text, "SigBlk"));
    }

    [Fact]
    public async Task Terminal_is_in_utf8_cooked_mode()
    {
        await using var t = PtyTranscript.Start("stty", "-a");
        await t.CompleteAsync();
        Assert.Matches(@"(?<![-\w])iutf8", t.Text);
        Assert.Matches(@"(?<![-\w])icanon", t.Text);
        Assert.Matches(@"(?<![-\w])echo\b", t.Text);
        Assert.Matches(@"(?<![-\w])onlcr", t.Text);
        Assert.Contains("intr = ^C", t.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_and_working_directory_are_passed()
    {
        var dir = Directory.CreateTempSubdirectory("godel-pty-");
        try
        {
            await using var t = PtyTranscript.Start(new PtySpawnOptions
            {
                Program = "sh",
                Args = ["-c", "echo \"v=$GODEL_TEST_VAR\"; echo \"home=${HOME:-unset}\"; pwd"],
                Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["GODEL_TEST_VAR"] = "héllo wörld" },
                WorkingDirectory = dir.FullName,
            });
            await t.CompleteAsync();
            Assert.Contains("v=héllo wörld", t.Text, StringComparison.Ordinal);
            Assert.Contains("home=unset", t.Text, StringComparison.Ordinal);
            Assert.Contains(dir.FullName, t.Text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Program_not_found_is_a_clear_error_before_anything_starts()
    {
        var e = Assert.Throws<PtyProgramNotFoundException>(() => PtyProcess.Spawn(new PtySpawnOptions { Program = "godel-no-such-program-xyz" }));
        Assert.Contains("'godel-no-such-program-xyz' was not found on PATH", e.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<PtyProgramNotFoundException>(() => PtyProcess.Spawn(new PtySpawnOptions { Program = "/nonexistent/bin/tool" }));
        Assert.Contains("does not exist", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_the_kernel_cannot_execute_is_a_clear_error()
    {
        var dir = Directory.CreateTempSubdirectory("godel-pty-");
        try
        {
            var script = Path.Combine(dir.FullName, "no-shebang");
            File.WriteAllBytes(script, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]); // a truncated ELF header
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var e = Assert.Throws<PtySpawnException>(() => PtyProcess.Spawn(new PtySpawnOptions { Program = script }));
            Assert.Contains($"Could not start '{script}'", e.Message, StringComparison.Ordinal);
            Assert.Contains("Exec format error", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Missing_working_directory_is_a_clear_error()
    {
        var e = Assert.Throws<PtySpawnException>(() => PtyProcess.Spawn(new PtySpawnOptions { Program = "true", WorkingDirectory = "/nonexistent/godel-dir" }));
        Assert.Contains("Working directory '/nonexistent/godel-dir' does not exist", e.Message, StringComparison.Ordinal);
    }
}
