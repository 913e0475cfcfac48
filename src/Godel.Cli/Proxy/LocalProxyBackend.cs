// The local proxy's SQLite store under `.godel/`, used directly whether or not a proxy is running.
using Godel.Proxy;
using Godel.Proxy.Store;

namespace Godel.Cli.Proxy;

internal sealed class LocalProxyBackend(string databasePath) : IProxyBackend
{
    private readonly ProxyAdmin _admin = ProxyAdmin.Open(databasePath);

    public string Where => databasePath;

    public Task<string> MintAsync(string agent, string? bead, CancellationToken cancellationToken) => Task.FromResult(_admin.MintAgentToken(agent, bead));

    public Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_admin.ListTokens());

    public Task<int> RevokeAsync(string agent, CancellationToken cancellationToken) => Task.FromResult(_admin.Revoke(agent));

    public Task<ProxyStats> StatsAsync(DateTimeOffset? since, string? agent, CancellationToken cancellationToken) => Task.FromResult(_admin.Stats(since, agent));

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken) => Task.FromResult(_admin.Search(text, limit));

    public void Dispose() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
