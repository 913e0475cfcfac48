// The macOS spawn path (re-exec trampoline: setsid + TIOCSCTTY + execve) exercised on Linux, where it works the same.
using System.Text.RegularExpressions;
using Godel.Pty.Unix;

namespace Godel.Pty.Tests;

public sealed class TrampolineTests
{
    private static IReadOnlyList<string> Host()
    {
        var muxer = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(muxer) || !File.Exists(muxer))
            muxer = Environment.ProcessPath!;
        var dll = Path.Combine(AppContext.BaseDirectory, "Godel.Pty.TrampolineHost.dll");
        return Path.GetFileNameWithoutExtension(muxer) == "dotnet" ? [muxer, dll] : [Path.ChangeExtension(dll, null)];
    }

    private static IPtyProcess Spawn(params string[] args) =>
        UnixPtyProcess.Start(new PtySpawnOptions { Program = args[0], Args = args[1..], Columns = 91, Rows = 19 }, Host());

    [Fact]
    public async Task Trampolined_child_is_session_leader_with_the_pts_as_controlling_terminal()
    {
        await using var t = new PtyTranscript(Spawn("python3", "-c",
            "import os; print('ids', os.getsid(0), os.getpid(), os.tcgetpgrp(0), os.ttyname(0), os.get_terminal_size())"));
        await t.CompleteAsync();
        var m = Regex.Match(t.Text, @"^ids (\d+) (\d+) (\d+) (\S+) os.terminal_size\(columns=(\d+), lines=(\d+)\)\r\n$");
        Assert.True(m.Success, t.Text); // nothing else: the trampoline wrote nothing to the terminal
        var pid = t.Process.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(pid, m.Groups[1].Value); // execve kept the pid the trampoline had
        Assert.Equal(pid, m.Groups[2].Value);
        Assert.Equal(pid, m.Groups[3].Value);
        Assert.Equal(t.Process.TtyName, m.Groups[4].Value);
        Assert.Equal("91", m.Groups[5].Value);
        Assert.Equal("19", m.Groups[6].Value);
    }

    [Fact]
    public async Task Trampolined_child_has_default_signals_and_only_the_pts_open()
    {
        await using var t = new PtyTranscript(Spawn("sh", "-c", "grep -E '^Sig(Ign|Blk)' /proc/self/status; echo READY; exec sleep 100"));
        await t.WaitForAsync("READY");
        Assert.Equal(0UL, SignalMask.Standard(t.Text, "SigIgn")); // the runtime's ignored SIGPIPE did not survive exec
        Assert.Equal(0UL, SignalMask.Standard(t.Text, "SigBlk"));
        var fds = Directory.GetFileSystemEntries($"/proc/{t.Process.ProcessId}/fd").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "0", "1", "2" }, fds);
    }

    [Fact]
    public async Task Trampolined_child_gets_Ctrl_C_and_its_exit_code_is_reported()
    {
        await using var t = new PtyTranscript(Spawn("bash", "-c", "trap 'echo GOT-INT; exit 5' INT; echo READY; while :; do sleep 0.05; done"));
        await t.WaitForAsync("READY");
        t.Process.Write([0x03]);
        await t.WaitForAsync("GOT-INT");
        Assert.Equal(new PtyExitStatus(5, null), await t.CompleteAsync());
    }

    [Fact]
    public async Task Trampoline_that_cannot_exec_says_why_and_exits_127()
    {
        // Started directly as a session leader (Linux spawn), so this also covers "setsid already done".
        var host = Host();
        await using var t = PtyTranscript.Start(new PtySpawnOptions
        {
            Program = host[0],
            Args = [.. host.Skip(1), PtyTrampoline.Verb, "/nonexistent/godel-prog", "godel-prog"],
        });
        var status = await t.CompleteAsync();
        Assert.Equal(127, status.ExitCode);
        Assert.StartsWith("godel: could not start /nonexistent/godel-prog: execve failed: No such file or directory", t.Text, StringComparison.Ordinal);
    }
}
