// The command line itself: help on every verb, --version, bad input with suggestions and exit 2, completion.
using System.CommandLine;

namespace Godel.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        var root = GodelApp.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null, ".", new Dictionary<string, string?>()));
        foreach (var path in Walk(root, []))
        {
            data.Add(string.Join(' ', path));
        }

        return data;
    }

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands)
        {
            foreach (var child in Walk(sub, [.. path, sub.Name]))
            {
                yield return child;
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Every_verb_has_help(string path)
    {
        var args = path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var run = await _sandbox.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Description:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var run = await _sandbox.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_gives_the_closest_match_usage_and_exit_2()
    {
        var run = await _sandbox.RunAsync("doctr");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("godel: Unrecognized command or argument 'doctr'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("godel: did you mean 'doctor'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_verb_at_all_shows_the_usage_and_exit_2()
    {
        var run = await _sandbox.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Commands:", run.Error, StringComparison.Ordinal);
        Assert.Contains("doctor", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_gives_the_closest_match_and_the_verbs_usage()
    {
        var run = await _sandbox.RunAsync("config", "show", "--verbos");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean '--verbose'?", run.Error, StringComparison.Ordinal);
        Assert.Contains(" config show [options]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_value_is_exit_2()
    {
        var run = await _sandbox.RunAsync("completion", "tcsh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tcsh", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task Completion_scripts_call_the_suggest_directive(string shell)
    {
        var run = await _sandbox.RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[suggest:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggest_directive_completes_verbs()
    {
        var run = await _sandbox.RunAsync("[suggest:9]", "godel ini");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["init"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
