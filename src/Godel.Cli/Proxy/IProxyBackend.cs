// What `godel proxy stats|search|tokens` work against: the local store or a remote proxy's admin API.
using Godel.Proxy.Store;

namespace Godel.Cli.Proxy;

internal interface IProxyBackend : IDisposable
{
    /// <summary>Where the verbs act, for messages (`.godel/proxy.db` or the remote URL).</summary>
    string Where { get; }

    Task<string> MintAsync(string agent, string? bead, CancellationToken cancellationToken);
    Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken cancellationToken);
    Task<int> RevokeAsync(string agent, CancellationToken cancellationToken);
    Task<ProxyStats> StatsAsync(DateTimeOffset? since, string? agent, CancellationToken cancellationToken);
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken);
}
