// Chooses how the daemon's agents reach an LLM: the remote proxy from `[proxy] url`, else a local one the daemon hosts.
using System.Runtime.Versioning;
using Godel.Config.Model;
using Godel.Daemon;

namespace Godel.Cli.Daemon;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static class AgentProxy
{
    public static async Task<IAgentCredentials> StartAsync(ProxyConfig config, DaemonConnector where, TextWriter log, CancellationToken cancellationToken)
    {
        var getEnv = where.Console.GetEnv;
        if (config.Url is { Length: > 0 } url)
        {
            if (RemoteProxyCredentials.Weakness(config, getEnv) is { } weakness)
            {
                await log.WriteLineAsync($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} warn proxy: {weakness}").ConfigureAwait(false);
            }

            return new RemoteProxyCredentials(url, getEnv(config.AdminTokenEnv), getEnv(config.TokenEnv));
        }

        try
        {
            return await LocalProxyCredentials.StartAsync(config, where.Workspace, getEnv, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Agents without a proxy are better than no daemon at all: the user can still reach every agent.
            await log.WriteLineAsync($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} error cannot start the local LLM proxy ({e.Message}): agents get no proxy variables").ConfigureAwait(false);
            return new NoAgentCredentials();
        }
    }
}

/// <summary>`await using` target when the credentials own nothing.</summary>
internal sealed class NothingToDispose : IAsyncDisposable
{
    public static readonly NothingToDispose Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
