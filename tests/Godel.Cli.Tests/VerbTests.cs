// init, config check/show and tui through the real command line, in real git repositories.
namespace Godel.Cli.Tests;

public sealed class VerbTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private string GodelToml => Path.Combine(_sandbox.Work, "godel.toml");

    [Fact]
    public async Task Init_outside_a_repository_is_one_line_and_exit_2()
    {
        var run = await _sandbox.RunAsync("init");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"godel: {_sandbox.Work} is not inside a git repository (run `git init` first, or cd into one)\n", run.Error);
    }

    [Fact]
    public async Task Init_twice_creates_then_says_nothing_to_do()
    {
        _sandbox.MakeRepository("dev");

        var first = await _sandbox.RunAsync("init");
        var written = await File.ReadAllTextAsync(GodelToml);
        var second = await _sandbox.RunAsync("init");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"created  {GodelToml}", first.Out, StringComparison.Ordinal);
        Assert.Contains("base_branch = \"dev\"", written, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing to do", second.Out, StringComparison.Ordinal);
        Assert.Equal(written, await File.ReadAllTextAsync(GodelToml));
    }

    [Fact]
    public async Task Init_from_a_subfolder_initializes_the_repository_root()
    {
        _sandbox.MakeRepository();
        var sub = Directory.CreateDirectory(Path.Combine(_sandbox.Work, "src")).FullName;

        var run = await CliRun.RunAsync(sub, _sandbox.Environment, "init");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(GodelToml));
    }

    [Fact]
    public async Task Unexpected_errors_are_one_line_unless_verbose()
    {
        _sandbox.MakeRepository();
        var exclude = Path.Combine(_sandbox.Work, ".git", "info", "exclude");
        File.Delete(exclude);
        Directory.CreateDirectory(exclude);

        var quiet = await _sandbox.RunAsync("init");
        var verbose = await _sandbox.RunAsync("init", "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.DoesNotContain("   at ", quiet.Error, StringComparison.Ordinal);
        Assert.Contains("run again with --verbose", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_lists_every_problem_with_its_position_and_exits_2()
    {
        _sandbox.MakeRepository();
        await File.WriteAllTextAsync(GodelToml, "[tui]\nthem = \"dark\"\n[daemon]\nidle_seconds = -1\n");

        var run = await _sandbox.RunAsync("config", "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{GodelToml}:2:1: unknown key 'them' in [tui] (did you mean 'theme'?)", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{GodelToml}:4:16: daemon.idle_seconds: must be greater than 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_passes_on_a_fresh_workspace()
    {
        _sandbox.MakeRepository();
        await _sandbox.RunAsync("init");

        var run = await _sandbox.RunAsync("config", "check");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("configuration is valid", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_names_each_layer()
    {
        _sandbox.MakeRepository();
        Directory.CreateDirectory(Path.Combine(_sandbox.Home, ".config", "godel"));
        var user = Path.Combine(_sandbox.Home, ".config", "godel", "config.toml");
        await File.WriteAllTextAsync(user, "[tui]\nlayout = \"tabs\"\n");
        await File.WriteAllTextAsync(GodelToml, "[daemon]\nlog_files = 3\n");
        _sandbox.Environment["GODEL__DAEMON__IDLE_SECONDS"] = "12";

        var run = await _sandbox.RunAsync("config", "show", "--set", "tui.theme=light");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"layout = ""tabs""\s+# {Escape(user)}:2:10", run.Out);
        Assert.Matches($@"log_files = 3\s+# {Escape(GodelToml)}:2:13", run.Out);
        Assert.Matches(@"idle_seconds = 12\s+# env GODEL__DAEMON__IDLE_SECONDS", run.Out);
        Assert.Matches(@"theme = ""light""\s+# flag --set tui.theme=light", run.Out);
        Assert.Matches(@"stop_grace_seconds = 10\s+# default", run.Out);
    }

    [Fact]
    public async Task Tui_refuses_to_start_on_invalid_config()
    {
        _sandbox.MakeRepository();
        await File.WriteAllTextAsync(GodelToml, "[tui]\ntheme = \"nope\"\n");

        var run = await _sandbox.RunAsync("tui");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{GodelToml}:2:9: tui.theme: unknown theme 'nope'", run.Error, StringComparison.Ordinal);
        Assert.Contains("configuration is invalid", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tui_starts_on_the_embedded_default_outside_a_repository()
    {
        var run = await _sandbox.RunAsync("tui");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("theme dark", run.Out, StringComparison.Ordinal);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
