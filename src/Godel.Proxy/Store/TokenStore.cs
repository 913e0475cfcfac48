// Per-agent tokens: minted at random, stored as SHA-256 hashes, looked up through a short-lived cache.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Godel.Proxy.Store;

/// <summary>
/// The table is the truth (the CLI may mint or revoke while a proxy runs); positive lookups are cached for
/// <see cref="CacheFor"/> so the hot path rarely touches disk, and a revoke here drops the entry at once.
/// The cache is keyed by the presented token itself (only valid ones, so its size is the number of live tokens):
/// a hit costs one dictionary lookup instead of a SHA-256 and a hex string per request. Tokens rest on disk only
/// as hashes.
/// </summary>
public sealed class TokenStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private const string Prefix = "gdl_";

    private readonly ProxyDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (AgentIdentity Who, long At)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (AgentIdentity Who, long At)>.AlternateLookup<ReadOnlySpan<char>> _byToken;

    public TokenStore(ProxyDatabase database, TimeProvider? time = null)
    {
        _database = database;
        _time = time ?? TimeProvider.System;
        _byToken = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Creates a token for an agent; the token is returned once and only its hash is kept.</summary>
    public string Mint(string agent, string? bead)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO tokens(hash, agent, bead, created_ms) VALUES ($h, $a, $b, $t)";
        command.Parameters.AddWithValue("$h", Hash(token));
        command.Parameters.AddWithValue("$a", agent);
        command.Parameters.AddWithValue("$b", (object?)bead ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return token;
    }

    /// <summary>Removes every token of the agent; returns how many there were.</summary>
    public int Revoke(string agent)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tokens WHERE agent = $a";
        command.Parameters.AddWithValue("$a", agent);
        var removed = command.ExecuteNonQuery();
        foreach (var entry in _cache)
        {
            if (entry.Value.Who.Agent == agent)
            {
                _cache.TryRemove(entry.Key, out _);
            }
        }
        return removed;
    }

    public IReadOnlyList<TokenInfo> List()
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent, bead, created_ms, hash FROM tokens ORDER BY created_ms, agent";
        using var reader = command.ExecuteReader();
        var list = new List<TokenInfo>();
        while (reader.Read())
        {
            list.Add(new TokenInfo(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3)[..8]));
        }
        return list;
    }

    /// <summary>The agent a presented token belongs to, or null when it is unknown or revoked.</summary>
    public AgentIdentity? Validate(ReadOnlySpan<char> token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }
        var now = _time.GetTimestamp();
        if (_byToken.TryGetValue(token, out var cached) && _time.GetElapsedTime(cached.At, now) < CacheFor)
        {
            return cached.Who;
        }
        var who = Lookup(Hash(token));
        if (who is null)
        {
            _byToken.TryRemove(token, out _, out _);
            return null;
        }
        _byToken[token] = (who, now);
        return who;
    }

    private AgentIdentity? Lookup(string hash)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent, bead FROM tokens WHERE hash = $h";
        command.Parameters.AddWithValue("$h", hash);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new AgentIdentity(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    internal static string Hash(ReadOnlySpan<char> token)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var n = Encoding.UTF8.GetBytes(token, utf8);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(utf8[..n], digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
