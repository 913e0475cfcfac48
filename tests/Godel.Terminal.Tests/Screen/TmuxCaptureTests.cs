// Capture() must match `tmux capture-pane -p [-e]` byte for byte on the same input (skipped without tmux).
using System.Diagnostics;
using System.Text;
using Godel.Terminal.Tests.Support;

namespace Godel.Terminal.Tests.Screen;

public sealed class TmuxCaptureTests
{
    private const int Cols = 30;
    private const int Rows = 6;

    /// <summary>
    /// Known, deliberate differences are left out: tmux keeps DEC line-drawing cells as ASCII plus a
    /// charset flag (capture shows "lqqk", Godel stores "┌──┐"), and tmux 3.3a moves lines scrolled out
    /// of a scroll region into history even when the region does not start at the top, and keeps
    /// pending wrap across LF (xterm.js and st do neither; Godel follows them).
    /// </summary>
    public static TheoryData<string> Inputs() => new()
    {
        "hello\r\nworld   \r\n  indented",
        "a very long line that wraps around the edge of the pane twice over, yes",
        "\e[1mbold\e[0m \e[31mred\e[42mgreen-bg\e[0m \e[38;5;1mix\e[38;2;1;2;3mrgb\e[0m\r\n\e[4:3mcurly\e[21mdouble\e[58;5;3mus\e[0m end",
        "\e[3;7mrev-ital\e[23m\e[9mstrike\e[0m\e[94;103mbright\e[0m\e[2mdim\e[22m\e[53mover\e[0m",
        "日本語 wide 😀 and e\u0301 marks",
        "\e[44m\e[2K\e[0m\r\n\e[41mx  \e[0m\e[K",
        new string('a', 30) + "\e[Kz\r\n" + new string('c', 30) + "\e[1Kw",
        "abc\e[2;5Hxy\e[1;10H\e[1K\e[3;3H\e[2@ins\e[1P",
        "l1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6\r\nl7\r\nl8\r\n\e[31ml9 red\e[0m\r\nl10",
    };

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public void Plain_and_escaped_captures_match_tmux(string input)
    {
        Skip.IfNot(TmuxAvailable(), "tmux not installed: apt-get install tmux");
        var t = Term.Create(Cols, Rows, scrollbackLines: 2000);
        t.Feed(input);
        var (plain, escaped, history) = TmuxCapture(input);
        Assert.Equal(plain, t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue }));
        Assert.Equal(escaped, t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue, WithEscapes = true }));
        // tmux clamps `-E -1` to the first screen row when there is no history, so only compare when there is.
        if (t.Screen.ScrollbackLineCount > 0)
        {
            Assert.Equal(history, t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue, WithEscapes = true, IncludeScreen = false }));
        }
    }

    [Fact]
    public void History_only_capture_leaves_the_screen_out()
    {
        var t = Term.Create(10, 2);
        t.Feed("one\r\ntwo\r\nthree\r\nfour");
        Assert.Equal("one\ntwo\n", t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue, IncludeScreen = false }));
        Assert.Equal("two\n", t.Capture(new CaptureOptions { ScrollbackLines = 1, IncludeScreen = false }));
        Assert.Equal("one\ntwo\nthree\nfour\n", t.Capture(new CaptureOptions { ScrollbackLines = int.MaxValue }));
    }

    private static bool TmuxAvailable()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true });
            p!.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (string Plain, string Escaped, string EscapedHistory) TmuxCapture(string input)
    {
        var dir = Directory.CreateTempSubdirectory("godel-tmux-");
        var socket = "godel-test-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var file = Path.Combine(dir.FullName, "input");
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(input));
            // stty -onlcr: the bytes reach tmux unchanged, as they reach the emulator here.
            Tmux(socket, "-f", "/dev/null", "new-session", "-d", "-x", $"{Cols}", "-y", $"{Rows}",
                $"stty -onlcr; cat '{file}'; tmux -L {socket} wait-for -S done; sleep 60");
            Tmux(socket, "set-option", "-g", "history-limit", "2000");
            Tmux(socket, "wait-for", "done");
            string plain = "", escaped = "", history = "";
            for (var attempt = 0; attempt < 20; attempt++)
            {
                Thread.Sleep(50);
                var p = Tmux(socket, "capture-pane", "-p", "-S", "-");
                var e = Tmux(socket, "capture-pane", "-p", "-e", "-S", "-");
                var h = Tmux(socket, "capture-pane", "-p", "-e", "-S", "-", "-E", "-1");
                if (p == plain && e == escaped && h == history) break;
                (plain, escaped, history) = (p, e, h);
            }
            return (plain, escaped, history);
        }
        finally
        {
            try
            {
                Tmux(socket, "kill-server");
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            dir.Delete(recursive: true);
        }
    }

    private static string Tmux(string socket, params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(socket);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "xterm-256color";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(20_000)) throw new InvalidOperationException("tmux hung");
        if (p.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
