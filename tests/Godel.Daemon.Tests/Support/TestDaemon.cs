// An in-process daemon in its own temporary workspace and socket folder, so tests run in parallel.
using System.Collections;
using Godel.Config.Model;
using Godel.Protocol;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests.Support;

internal sealed class TestDaemon : IAsyncDisposable
{
    private readonly DirectoryInfo _root;
    private readonly StringWriter _log;

    private TestDaemon(DirectoryInfo root, StringWriter log, DaemonOptions options)
    {
        _root = root;
        _log = log;
        Options = options with { LogWriter = TextWriter.Synchronized(log) };
        Host = DaemonHost.Start(Options);
    }

    public DaemonHost Host { get; }

    public DaemonOptions Options { get; }

    public string Workspace => Options.Workspace;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static Task<TestDaemon> StartAsync(Func<DaemonOptions, DaemonOptions>? configure = null, Func<GodelConfig, GodelConfig>? config = null)
    {
        var root = Directory.CreateTempSubdirectory("godel-daemon-");
        var workspace = Directory.CreateDirectory(Path.Combine(root.FullName, "ws")).FullName;
        LibGit2Sharp.Repository.Init(workspace);
        var env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        env["SHELL"] = "/bin/sh";
        env["PS1"] = "$ ";
        env["ENV"] = "";
        var baseConfig = GodelConfig.Default with
        {
            Daemon = GodelConfig.Default.Daemon with { StopGraceSeconds = 2 },
            Runtimes = new Dictionary<string, RuntimeConfig>(StringComparer.Ordinal)
            {
                ["shell"] = new() { Command = "/bin/sh", PromptPatterns = [@"\$ ?$"] },
            },
        };
        var options = new DaemonOptions
        {
            Workspace = workspace,
            SocketDirectory = Path.Combine(root.FullName, "run"),
            Environment = env,
            Config = config?.Invoke(baseConfig) ?? baseConfig,
        };
        return Task.FromResult(new TestDaemon(root, new StringWriter(), configure?.Invoke(options) ?? options));
    }

    public Task<DaemonClient> ConnectAsync(string name = "test") =>
        DaemonClient.ConnectAsync(Host.SocketPath, name);

    /// <summary>A fresh daemon on the same workspace and socket folder (after this one stopped or was abandoned).</summary>
    public TestDaemon Reopen() => new(_root, new StringWriter(), Options);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(1);
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class ClientExtensions
{
    public static async Task<AgentInfo> SpawnAsync(this DaemonClient client, SpawnAgent request) =>
        (await client.RequestAsync<AgentReply>(request)).Agent;

    public static async Task<AgentInfo> AgentAsync(this DaemonClient client, string name) =>
        (await client.RequestAsync<AgentList>(new ListAgents())).Agents.Single(a => a.Name == name);

    public static async Task<string> CaptureAsync(this DaemonClient client, string name, bool escapes = false) =>
        (await client.RequestAsync<CaptureResult>(new Capture(name, escapes, 0))).Text;

    public static Task TypeAsync(this DaemonClient client, string name, string text, bool enter = true) =>
        client.RequestAsync<Ok>(new SendInput(name, text, enter));

    public static async Task<string> WaitForScreenAsync(this DaemonClient client, string name, string contains, int timeoutMs = 10_000) =>
        await Eventually.Value(() => client.CaptureAsync(name), s => s.Contains(contains, StringComparison.Ordinal), $"'{contains}' on {name}'s screen", timeoutMs);
}
