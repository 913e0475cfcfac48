// `godel doctor` against a PATH of real fake executables (scripts that print versions) and real folders.
namespace Godel.Cli.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DoctorTests : IDisposable
{
    private readonly Sandbox _sandbox = new();
    private readonly string _bin;

    public DoctorTests()
    {
        _bin = Directory.CreateDirectory(Path.Combine(_sandbox.Root, "bin")).FullName;
        _sandbox.Environment["PATH"] = _bin;
    }

    public void Dispose() => _sandbox.Dispose();

    private void FakeTool(string name, string script)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void RealGit()
    {
        var git = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "git")).FirstOrDefault(File.Exists);
        Skip.If(git is null, "git not installed: apt-get install git");
        File.CreateSymbolicLink(Path.Combine(_bin, "git"), git!);
    }

    [SkippableFact]
    public async Task Finds_runtimes_with_their_versions_and_reports_the_missing_ones()
    {
        Skip.If(OperatingSystem.IsWindows(), "fake tools are shell scripts");
        RealGit();
        _sandbox.MakeRepository();
        FakeTool("claude", "echo '1.0.42 (Claude Code)'");
        FakeTool("codex", "echo 'codex-cli 0.9.1' >&2");
        FakeTool("aider", "exit 3");

        var run = await _sandbox.RunAsync("doctor");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"✓ git\s+git version \d", run.Out);
        Assert.Matches($@"✓ runtime claude\s+1\.0\.42 \(Claude Code\) \({System.Text.RegularExpressions.Regex.Escape(_bin)}/claude\)", run.Out);
        Assert.Matches(@"✓ runtime codex\s+codex-cli 0\.9\.1", run.Out);
        Assert.Matches(@"! runtime gemini\s+`gemini` not found on PATH", run.Out);
        Assert.Contains("fix: npm install -g @google/gemini-cli", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"! runtime aider\s+.*did not answer", run.Out);
        Assert.Matches(@"! workspace\s+no godel.toml", run.Out);
        Assert.Contains("fix: godel init", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_configured_runtime_uses_its_command_and_version_arg()
    {
        Skip.If(OperatingSystem.IsWindows(), "fake tools are shell scripts");
        RealGit();
        _sandbox.MakeRepository();
        FakeTool("my-tool", "[ \"$1\" = \"-V\" ] && echo 'my-tool 7' || exit 1");
        await File.WriteAllTextAsync(Path.Combine(_sandbox.Work, "godel.toml"), "[runtimes.mine]\ncommand = \"my-tool\"\nversion_arg = \"-V\"\n");

        var run = await _sandbox.RunAsync("doctor");

        Assert.Matches(@"✓ runtime mine\s+my-tool 7", run.Out);
    }

    [SkippableFact]
    public async Task Missing_git_is_a_problem_and_exit_1()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX PATH");

        var run = await _sandbox.RunAsync("doctor");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"✗ git\s+not found on PATH", run.Out);
        Assert.Matches(@"✗ repository\s+.* is not inside a git repository", run.Out);
        Assert.Contains("problem(s) to fix", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Invalid_config_is_a_problem_listing_each_diagnostic()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX PATH");
        RealGit();
        _sandbox.MakeRepository();
        var toml = Path.Combine(_sandbox.Work, "godel.toml");
        await File.WriteAllTextAsync(toml, "[daemon]\ndefault_size = \"wide\"\n");

        var run = await _sandbox.RunAsync("doctor");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"✗ config\s+1 problem", run.Out);
        Assert.Contains($"    {toml}:2:16: daemon.default_size: 'wide' is not COLSxROWS", run.Out, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_socket_folder_others_can_read_is_a_problem_with_the_chmod_fix()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX permissions");
        RealGit();
        _sandbox.MakeRepository();
        var folder = Path.Combine(_sandbox.Environment["XDG_RUNTIME_DIR"]!, "godel");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);

        var open = await _sandbox.RunAsync("doctor");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var closed = await _sandbox.RunAsync("doctor");

        Assert.Equal(1, open.ExitCode);
        Assert.Matches(@"✗ daemon sockets\s+.* has mode 0755", open.Out);
        Assert.Contains($"fix: chmod 700 {folder}", open.Out, StringComparison.Ordinal);
        Assert.Equal(0, closed.ExitCode);
        Assert.Matches(@"✓ daemon sockets\s+.*\(0700, yours\)", closed.Out);
    }

    [SkippableFact]
    public async Task Terminal_findings_follow_term_colours_and_locale()
    {
        Skip.If(OperatingSystem.IsWindows(), "POSIX PATH");
        _sandbox.Environment["TERM"] = "xterm";
        _sandbox.Environment.Remove("COLORTERM");
        _sandbox.Environment["LANG"] = "C";

        var poor = await _sandbox.RunAsync("doctor");
        var basic = await _sandbox.RunAsync("doctor", "--set", "tui.theme=basic16");
        _sandbox.Environment["COLORTERM"] = "truecolor";
        _sandbox.Environment["LC_ALL"] = "en_US.utf8";
        var rich = await _sandbox.RunAsync("doctor");

        Assert.Matches(@"! colours\s+16 colours, but theme 'dark' uses more", poor.Out);
        Assert.Matches(@"! locale\s+LANG=C is not UTF-8", poor.Out);
        Assert.Matches(@"✓ colours\s+16 colours, theme basic16", basic.Out);
        Assert.Matches(@"✓ colours\s+24-bit colour", rich.Out);
        Assert.Matches(@"✓ locale\s+LC_ALL=en_US.utf8", rich.Out);
    }
}
