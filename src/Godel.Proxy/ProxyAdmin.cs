// In-process admin of a proxy store: what the daemon calls directly and what the HTTP admin API exposes.
using Godel.Proxy.Store;

namespace Godel.Proxy;

/// <summary>Tokens, stats and search over one proxy database; usable with or without a running server.</summary>
public sealed class ProxyAdmin
{
    private readonly TokenStore _tokens;
    private readonly AuditReader _reader;
    private readonly Func<Task> _flush;

    internal ProxyAdmin(TokenStore tokens, AuditReader reader, Func<Task> flush)
    {
        _tokens = tokens;
        _reader = reader;
        _flush = flush;
    }

    /// <summary>Admin over a database file directly (the CLI against a local proxy, running or not).</summary>
    public static ProxyAdmin Open(string databasePath)
    {
        var db = ProxyDatabase.Open(databasePath);
        return new ProxyAdmin(new TokenStore(db), new AuditReader(db), () => Task.CompletedTask);
    }

    /// <summary>A fresh token for an agent; shown once, stored only as a hash.</summary>
    public string MintAgentToken(string agent, string? bead = null) => _tokens.Mint(agent, bead);

    /// <summary>Revokes every token of the agent (call when the agent ends); returns how many were revoked.</summary>
    public int Revoke(string agent) => _tokens.Revoke(agent);

    public IReadOnlyList<TokenInfo> ListTokens() => _tokens.List();

    public ProxyStats Stats(DateTimeOffset? since = null, string? agent = null) => _reader.Stats(since, agent);

    public IReadOnlyList<SearchHit> Search(string text, int limit = 20) => _reader.Search(text, limit);

    /// <summary>Waits until every request finished so far is in the audit log (tests, shutdown).</summary>
    public Task FlushAuditAsync() => _flush();
}
