// In-process admin of a proxy store: what the daemon calls directly and what the HTTP admin API exposes.
using Godel.Proxy.Store;

namespace Godel.Proxy;

/// <summary>Tokens, stats and search over one proxy database; usable with or without a running server.</summary>
public sealed class ProxyAdmin
{
    private readonly TokenStore _tokens;
    private readonly AuditReader _reader;
    private readonly Func<Task> _flush;
    private readonly AuditWriter? _writer;

    internal ProxyAdmin(TokenStore tokens, AuditReader reader, Func<Task> flush, AuditWriter? writer = null)
    {
        _tokens = tokens;
        _reader = reader;
        _flush = flush;
        _writer = writer;
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

    /// <summary>From the audit log; with a running proxy also its live audit-queue counter.</summary>
    public ProxyStats Stats(DateTimeOffset? since = null, string? agent = null)
    {
        var stats = _reader.Stats(since, agent);
        if (_writer is not { QueueFullWaits: > 0 and var waits })
        {
            return stats;
        }
        return stats with
        {
            AuditQueueFullWaits = waits,
            Warnings =
            [
                .. stats.Warnings,
                $"{waits} requests waited for the audit writer (its queue of {AuditWriter.DefaultCapacity} records was full): " +
                "the log's disk or CPU is slower than the traffic",
            ],
        };
    }

    public IReadOnlyList<SearchHit> Search(string text, int limit = 20) => _reader.Search(text, limit);

    /// <summary>Waits until every request finished so far is in the audit log (tests, shutdown).</summary>
    public Task FlushAuditAsync() => _flush();
}
