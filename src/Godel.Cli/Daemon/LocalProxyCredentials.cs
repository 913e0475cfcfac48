// Local mode: the daemon hosts the proxy on a free 127.0.0.1 port and mints each agent's token in-process.
using Godel.Config.Model;
using Godel.Daemon;
using Godel.Proxy;

namespace Godel.Cli.Daemon;

internal sealed class LocalProxyCredentials : IAgentCredentials, IAsyncDisposable
{
    private readonly ProxyServer _server;

    private LocalProxyCredentials(ProxyServer server) => _server = server;

    public string? ProxyUrl => _server.BaseUrl;

    /// <summary>Starts the proxy with the workspace's store (`.godel/proxy.db` or `[proxy.audit] path`).</summary>
    public static async Task<LocalProxyCredentials> StartAsync(ProxyConfig config, string workspace, Func<string, string?> getEnv, TextWriter log, CancellationToken cancellationToken)
    {
        var server = await ProxyServer.StartAsync(new ProxyServerOptions
        {
            Config = config,
            Listen = "127.0.0.1:0",
            DatabasePath = DatabasePath(config, workspace),
            GetEnvironmentVariable = getEnv,
            // Into the daemon's log, beside its own lines: an unreachable provider or a failed audit write shows there.
            Logger = new TextLogger(log),
        }, cancellationToken).ConfigureAwait(false);
        return new LocalProxyCredentials(server);
    }

    /// <summary>The store `godel proxy` verbs read too (see ProxyCliContext.DatabasePath).</summary>
    public static string DatabasePath(ProxyConfig config, string workspace) =>
        config.Audit.Path is { } path ? Path.GetFullPath(path, workspace) : Path.Combine(workspace, ".godel", "proxy.db");

    public IReadOnlyDictionary<string, string> ForAgent(string agentName, string? bead, RuntimeConfig runtime) =>
        AgentProxyEnvironment.For(runtime, _server.BaseUrl, _server.Admin.MintAgentToken(agentName, bead));

    public void Revoke(string agentName) => _server.Admin.Revoke(agentName);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
