// Real programs (bash, vim, less, top, htop) on Godel's PTY with their screens read through Godel's emulator.
using Godel.Terminal.Input;
using Godel.Terminal.Tests.Differential;
using Emu = Godel.Terminal.Screen;

namespace Godel.Terminal.Tests.Programs;

public sealed class RealProgramTests
{
    private const string Prompt = "\\[\\e[1;32m\\]godel\\[\\e[0m\\]:\\[\\e[34m\\]\\W\\[\\e[0m\\]\\$ ";

    private static PtyScreen Bash(int columns = 80, int rows = 24) =>
        PtyScreen.Start("bash", ["--norc", "--noprofile", "-i"], columns, rows, environment: new Dictionary<string, string> { ["PS1"] = Prompt });

    private static int RowOf(TerminalEmulator t, string text) =>
        Enumerable.Range(0, t.Rows).LastOrDefault(y => t.Screen.GetRowText(y).Contains(text, StringComparison.Ordinal), -1);

    [SkippableFact]
    public async Task Bash_prompt_colours_reach_the_cells()
    {
        Skip.IfNot(PtyScreen.OnPath("bash"), "bash not installed: apt-get install -y bash");
        await using var bash = Bash();
        await bash.WaitForTextAsync("godel:");
        bash.Type("printf '\\033[31mred\\033[0m plain\\n'\r");
        await bash.WaitForTextAsync("red plain");

        var grid = bash.Read(GodelRenderer.FromCells);
        var prompt = Enumerable.Range(0, grid.Rows).First(y => grid.RowText(y).StartsWith("godel:", StringComparison.Ordinal));
        Assert.Equal(CellColor.Palette(2), grid[0, prompt].Foreground);
        Assert.True(grid[0, prompt].Attributes.HasFlag(CellAttributes.Bold));
        Assert.Equal(CellColor.Palette(4), grid["godel:".Length, prompt].Foreground);
        Assert.Equal(CellColor.Default, grid[":".Length - 1 + "godel".Length, prompt].Foreground);

        var output = Enumerable.Range(0, grid.Rows).First(y => grid.RowText(y) == "red plain");
        Assert.Equal(CellColor.Palette(1), grid[0, output].Foreground);
        Assert.Equal(CellColor.Default, grid[4, output].Foreground);
        bash.Type("exit\r");
        Assert.Equal(0, (await bash.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
    }

    /// <summary>Replies to queries go back through the PTY to the program that asked (bash's `read` waits for them).</summary>
    [SkippableFact]
    public async Task Replies_to_queries_reach_the_program_through_the_pty()
    {
        Skip.IfNot(PtyScreen.OnPath("bash"), "bash not installed: apt-get install -y bash");
        await using var bash = Bash();
        await bash.WaitForTextAsync("godel:");
        bash.Type("printf '\\033[2J\\033[5;9H'; IFS= read -rsd R -p $'\\e[6n' r; echo; echo \"cpr=${r#*[}\"\r");
        await bash.WaitUntilAsync(t => RowOf(t, "cpr=5;9") >= 0, "the cursor position report read back by bash");
        bash.Type("IFS= read -rsd c -p $'\\e[c' r; echo \"da1=${r#*[}\"\r");
        await bash.WaitUntilAsync(t => RowOf(t, "da1=?62;22") >= 0, "the DA1 reply read back by bash");
        bash.Type("IFS= read -rsd $'\\a' -p $'\\e]11;?\\a' r; echo \"bg=${r#*;}\"\r");
        await bash.WaitUntilAsync(t => RowOf(t, "bg=rgb:0000/0000/0000") >= 0, "the OSC 11 reply read back by bash");
        bash.Type("IFS= read -rsd '\\' -p $'\\e[>q' r; echo \"version=${r:4:8}\"\r");
        await bash.WaitUntilAsync(t => RowOf(t, "version=Godel 0.") >= 0, "the XTVERSION reply read back by bash");
    }

    [SkippableFact]
    public async Task Vim_uses_the_alternate_screen_and_quitting_restores_the_main_screen()
    {
        Skip.IfNot(PtyScreen.OnPath("vim"), "vim not installed: apt-get install -y vim");
        await using var bash = Bash();
        await bash.WaitForTextAsync("godel:");
        var file = Path.Combine(Path.GetTempPath(), $"godel-vim-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 100).Select(i => $"vim line {i}"));
        try
        {
            bash.Type("echo before vim\r");
            await bash.WaitUntilAsync(t => RowOf(t, "before vim") >= 0 && RowOf(t, "godel:") > RowOf(t, "before vim"), "prompt after echo");
            var before = bash.Read(GodelRenderer.FromCells);
            var promptRow = bash.Read(t => t.Screen.CursorRow);

            bash.Type($"vim -u NONE -N -n {file}\r");
            await bash.WaitUntilAsync(t => t.Modes.AlternateScreen && t.Screen.GetRowText(0) == "vim line 1", "vim showing the file on the alternate screen");
            Assert.Equal("vim line 2", bash.Read(t => t.Screen.GetRowText(1)));

            bash.Press(KeyInput.Character("f", KeyModifiers.Ctrl));
            await bash.WaitUntilAsync(t => t.Screen.GetRowText(0) != "vim line 1" && t.Screen.GetRowText(0).StartsWith("vim line ", StringComparison.Ordinal), "a page further");

            bash.Type(":q\r");
            await bash.WaitUntilAsync(t => !t.Modes.AlternateScreen && RowOf(t, "godel:") > promptRow, "the shell prompt after vim");
            var after = bash.Read(GodelRenderer.FromCells);
            for (var y = 0; y < promptRow; y++)
            {
                for (var x = 0; x < after.Columns; x++)
                {
                    Assert.Equal(before[x, y], after[x, y]);
                }
            }

            Assert.EndsWith($"vim -u NONE -N -n {file}", after.RowText(promptRow), StringComparison.Ordinal);
            Assert.StartsWith("godel:", after.RowText(promptRow + 1), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Scrolling one of two split windows makes vim set a scroll region around that window. The screen
    /// is checked by hand, and the recorded session is replayed in xterm.js and compared cell by cell.
    /// </summary>
    [SkippableFact]
    public async Task Vim_scrolls_a_split_window_inside_a_scroll_region()
    {
        Skip.IfNot(PtyScreen.OnPath("vim"), "vim not installed: apt-get install -y vim");
        var file = Path.Combine(Path.GetTempPath(), $"godel-vim-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 100).Select(i => $"vim line {i}"));
        try
        {
            await using var vim = PtyScreen.Start("vim", ["-u", "NONE", "-N", "-n", file]);
            await vim.WaitUntilAsync(t => t.Screen.GetRowText(0) == "vim line 1", "vim showing the file");
            vim.Type(":split\r");
            await vim.WaitUntilAsync(t => Enumerable.Range(1, 23).Count(y => t.Screen.GetRowText(y) == "vim line 1") == 1, "two windows on the file");
            var lower = vim.Read(t => Enumerable.Range(1, 23).First(y => t.Screen.GetRowText(y) == "vim line 1"));
            var splitAt = vim.Recording().Length;
            for (var i = 0; i < 3; i++) vim.Press(KeyInput.Character("e", KeyModifiers.Ctrl));
            await vim.WaitUntilAsync(t => t.Screen.GetRowText(0) == "vim line 4", "the upper window scrolled by three lines");
            await vim.WaitForQuietAsync(vim.BytesRead - 1);

            var screen = vim.Read(GodelRenderer.FromCells);
            var upperRows = lower - 1; // the upper window's status line sits just above the lower window
            for (var y = 0; y < upperRows; y++) Assert.Equal($"vim line {y + 4}", screen.RowText(y));
            for (var y = lower; y < 22; y++) Assert.Equal($"vim line {y - lower + 1}", screen.RowText(y));

            var session = vim.Recording();
            var scrolled = System.Text.Encoding.Latin1.GetString(session, splitAt, session.Length - splitAt);
            Assert.Matches($@"\e\[1;{upperRows}r", scrolled);

            Skip.IfNot(XtermReference.IsAvailable, XtermReference.MissingMessage);
            var diffs = GridComparer.Differences(XtermReference.Render(session, 80, 24), screen);
            Assert.True(diffs.Count == 0, GridComparer.Describe("vim session: xterm.js (expected) vs Godel", XtermReference.Render(session, 80, 24), screen, diffs));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task Less_pages_a_long_file_on_the_alternate_screen()
    {
        Skip.IfNot(PtyScreen.OnPath("less"), "less not installed: apt-get install -y less");
        var dir = Directory.CreateTempSubdirectory("godel-less-").FullName;
        try
        {
            var file = Path.Combine(dir, "long.txt");
            await File.WriteAllLinesAsync(file, Enumerable.Range(1, 300).Select(i => $"less line {i}"));
            await using var less = PtyScreen.Start("less", [file], 80, 24, dir, new Dictionary<string, string> { ["LESS"] = "" });
            await less.WaitUntilAsync(t => t.Modes.AlternateScreen && t.Screen.GetRowText(0) == "less line 1", "less showing line 1");
            Assert.Equal("less line 23", less.Read(t => t.Screen.GetRowText(22)));

            less.Type(" ");
            await less.WaitUntilAsync(t => t.Screen.GetRowText(0) == "less line 24", "one page further");
            Assert.Equal("less line 46", less.Read(t => t.Screen.GetRowText(22)));

            less.Press(KeyInput.Key(KeyCode.Down));
            await less.WaitUntilAsync(t => t.Screen.GetRowText(0) == "less line 25", "one line further with the Down key");

            less.Type("q");
            await less.WaitUntilAsync(t => !t.Modes.AlternateScreen, "less leaving the alternate screen");
            await less.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Top_draws_its_header_and_process_table()
    {
        Skip.IfNot(PtyScreen.OnPath("top"), "top not installed: apt-get install -y procps");
        await using var top = PtyScreen.Start("top", ["-d", "0.5"], 100, 30);
        await top.WaitUntilAsync(
            // procps top clears and redraws the main screen; it does not switch to the alternate one.
            t => t.Screen.GetRowText(0).StartsWith("top - ", StringComparison.Ordinal) && RowOf(t, "Tasks:") >= 0 && RowOf(t, "PID") >= 0,
            "top's header and process table");
        var header = top.Read(t => t.Screen.GetRowText(RowOf(t, "PID")));
        Assert.Contains("USER", header, StringComparison.Ordinal);
        Assert.Contains("COMMAND", header, StringComparison.Ordinal);
        // The column header is drawn in reverse video.
        Assert.True(top.Read(t => t.Screen.GetCell(RowOf(t, "PID"), t.Screen.GetRowText(RowOf(t, "PID")).IndexOf("PID", StringComparison.Ordinal)).Attributes.HasFlag(Emu.CellAttributes.Inverse)));
        Assert.False(top.Read(t => t.Modes.CursorVisible), "top hides the cursor while it runs");
        top.Type("q");
        await top.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        await top.WaitUntilAsync(t => t.Modes.CursorVisible, "top showing the cursor again");
    }

    [SkippableFact]
    public async Task Htop_draws_meters_and_quits_with_F10()
    {
        Skip.IfNot(PtyScreen.OnPath("htop"), "htop not installed: apt-get install -y htop");
        await using var htop = PtyScreen.Start("htop", [], 120, 30);
        await htop.WaitUntilAsync(t => t.Modes.AlternateScreen && RowOf(t, "Mem[") >= 0 && RowOf(t, "PID") >= 0, "htop's meters and process list");
        Assert.Contains("Tasks:", htop.Text(), StringComparison.Ordinal);
        htop.Press(KeyInput.Key(KeyCode.F10));
        await htop.WaitUntilAsync(t => !t.Modes.AlternateScreen, "htop leaving the alternate screen");
        await htop.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [SkippableFact]
    public async Task Vim_moves_the_cursor_where_the_mouse_clicks()
    {
        Skip.IfNot(PtyScreen.OnPath("vim"), "vim not installed: apt-get install -y vim");
        var dir = Directory.CreateTempSubdirectory("godel-vim-mouse-").FullName;
        try
        {
            var file = Path.Combine(dir, "f.txt");
            await File.WriteAllLinesAsync(file, Enumerable.Range(1, 50).Select(i => $"mouse line {i} with some text"));
            await using var vim = PtyScreen.Start("vim", ["-u", "NONE", "-N", "-n", "-c", "set mouse=a ttymouse=sgr", file], 80, 24, dir);
            await vim.WaitUntilAsync(t => t.Screen.GetRowText(0) == "mouse line 1 with some text" && t.Modes.MouseTracking != MouseTracking.Off, "vim with mouse reporting on");
            Assert.True(vim.Read(t => t.Modes.SgrMouse), "vim asked for SGR mouse reports");

            foreach (var kind in new[] { MouseEventKind.Press, MouseEventKind.Release })
            {
                vim.Write(MouseEncoder.Encode(new MouseInput(kind, MouseButton.Left, 7, 9), vim.Read(t => t.Modes)));
            }

            vim.Type(":echo line('.') col('.')\r");
            await vim.WaitUntilAsync(t => t.Screen.GetRowText(t.Rows - 1).StartsWith("10 8", StringComparison.Ordinal), "vim reporting the clicked position (line 10, column 8)");
            vim.Type(":q!\r");
            await vim.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Bash_takes_a_bracketed_paste_as_text_not_as_commands()
    {
        Skip.IfNot(PtyScreen.OnPath("bash"), "bash not installed: apt-get install -y bash");
        await using var bash = Bash();
        await bash.WaitForTextAsync("godel:");
        await bash.WaitUntilAsync(t => t.Modes.BracketedPaste, "readline turning on bracketed paste");

        bash.Write(PasteEncoder.Encode("echo pasted-one\necho pasted-two", bash.Read(t => t.Modes)));
        await bash.WaitForTextAsync("echo pasted-two");
        Assert.DoesNotContain("\npasted-one", "\n" + bash.Text(), StringComparison.Ordinal);

        bash.Press(KeyInput.Key(KeyCode.Enter));
        await bash.WaitUntilAsync(t => Enumerable.Range(0, t.Rows).Any(y => t.Screen.GetRowText(y) == "pasted-two"), "both pasted commands run after Enter");
        Assert.Contains(Enumerable.Range(0, 24), y => bash.Read(t => t.Screen.GetRowText(y)) == "pasted-one");
    }
}
