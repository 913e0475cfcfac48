// A temporary git repository with its own socket folder, running `godel` verbs in-process against a real daemon process.
using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using Godel.Protocol;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;

namespace Godel.Cli.Tests.Daemon;

internal sealed record CliResult(int ExitCode, string Out, string Error);

internal sealed class CliWorkspace : IAsyncDisposable
{
    private readonly DirectoryInfo _root;

    public CliWorkspace()
    {
        _root = Directory.CreateTempSubdirectory("godel-cli-");
        Repo = Directory.CreateDirectory(Path.Combine(_root.FullName, "repo")).FullName;
        LibGit2Sharp.Repository.Init(Repo);
        RuntimeDir = Path.Combine(_root.FullName, "run");
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        Environment[DaemonAddress.RuntimeDirVariable] = RuntimeDir;
        Environment["SHELL"] = "/bin/sh";
        Environment["PS1"] = "$ ";
        Environment.Remove("GODEL_WORKSPACE");
        Environment.Remove("GODEL_AGENT");
    }

    public string Repo { get; }

    public string RuntimeDir { get; }

    public Dictionary<string, string?> Environment { get; }

    /// <summary>The `godel` executable built next to the tests.</summary>
    public static string Godel => Path.Combine(AppContext.BaseDirectory, "godel");

    public string SocketPath => DaemonAddress.For(Repo, n => n == DaemonAddress.RuntimeDirVariable ? RuntimeDir : null).SocketPath;

    public int DaemonPid => int.Parse(File.ReadAllText(Path.Combine(Repo, ".godel", "daemon", "daemon.pid")), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<CliResult> RunAsync(params string[] args) => await RunInAsync(Repo, args);

    public async Task<CliResult> RunInAsync(string cwd, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, cwd, Environment);
        var code = await GodelApp.RunAsync(args, console);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"godel {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}{result.Out}");
        return result;
    }

    public async Task<AgentInfo> AgentAsync(string name)
    {
        var json = (await RunOkAsync("agent", "list", "--json")).Out;
        return JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.IReadOnlyListAgentInfo)!.Single(a => a.Name == name);
    }

    public Task<DaemonClient> ConnectAsync() => DaemonClient.ConnectAsync(SocketPath, "test");

    public static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("daemon", "stop", "--grace", "1");
        var pidFile = Path.Combine(Repo, ".godel", "daemon", "daemon.pid");
        if (File.Exists(pidFile) && Alive(DaemonPid))
        {
            Process.GetProcessById(DaemonPid).Kill();
        }

        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Wait
{
    public static async Task Until(Func<Task<bool>> condition, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeoutMs} ms waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    public static Task Until(Func<bool> condition, string what, int timeoutMs = 15_000) =>
        Until(() => Task.FromResult(condition()), what, timeoutMs);
}
