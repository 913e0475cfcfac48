// Runs `godel` in-process with captured output, a chosen working folder and a chosen environment.
using LibGit2Sharp;
namespace Godel.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, workingDirectory, environment);
        var code = await GodelApp.RunAsync(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temp folder with a HOME and XDG folders of its own, so no test reads the real user's config.</summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox()
    {
        Root = Directory.CreateTempSubdirectory("godel-cli-test-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Work = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["XDG_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(Root, "run")).FullName,
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
            ["TERM"] = "xterm-256color",
            ["LANG"] = "C.UTF-8",
            ["SHELL"] = "/bin/sh",
        };
    }

    public string Root { get; }

    public string Home { get; }

    /// <summary>The working folder (not a repository unless a test makes it one).</summary>
    public string Work { get; }

    public Dictionary<string, string?> Environment { get; }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(Work, Environment, args);

    /// <summary>Makes <see cref="Work"/> a git repository with one commit on <paramref name="branch"/>.</summary>
    public void MakeRepository(string branch = "main")
    {
        Repository.Init(Work);
        using var repo = new Repository(Work);
        repo.Refs.UpdateTarget("HEAD", $"refs/heads/{branch}");
        File.WriteAllText(Path.Combine(Work, "README.md"), "hi\n");
        Commands.Stage(repo, "README.md");
        var who = new Signature("T", "t@example.com", DateTimeOffset.UnixEpoch);
        repo.Commit("first", who, who);
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }
}
