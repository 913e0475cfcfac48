// Read side of the audit log: totals for stats, ranked full-text search, and the spend that budgets start from.
using System.Text;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Store;

public sealed class AuditReader(ProxyDatabase database, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ProxyStats Stats(DateTimeOffset? since = null, string? agent = null)
    {
        using var connection = database.Connect();
        var agents = Lines(connection, "agent", since, agent);
        var models = Lines(connection, "provider || '/' || coalesce(model, '?')", since, agent);
        var requests = agents.Sum(a => a.Requests);
        var totals = new UsageLine(
            "total", requests, agents.Sum(a => a.TokensIn), agents.Sum(a => a.TokensOut), agents.Sum(a => a.CostUsd),
            agents.Sum(a => a.Errors), requests == 0 ? 0 : agents.Sum(a => a.AvgLatencyMs * a.Requests) / requests);
        var (today, total) = Spend(connection);
        var unpriced = Unpriced(connection, since, agent);
        var unpricedCount = unpriced.Sum(u => u.Requests);
        return new ProxyStats
        {
            Since = since, Agent = agent, Totals = totals, Agents = agents, Models = models,
            SpentTodayUsd = today, SpentTotalUsd = total,
            TextStored = AnyText(connection),
            UnpricedRequests = unpricedCount,
            UnpricedModels = [.. unpriced.Select(u => u.Model)],
            Warnings = unpricedCount == 0 ? [] :
            [
                $"{unpricedCount} requests used models without a price ({string.Join(", ", unpriced.Select(u => u.Model))}): " +
                "their cost is unknown and not in these sums or in budgets; add [proxy.pricing.\"MODEL\"] to godel.toml",
            ],
        };
    }

    /// <summary>Whether any prompt or reply text is stored (one row is enough: no count over the FTS table).</summary>
    private static bool AnyText(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS(SELECT 1 FROM request_text)";
        return (long)command.ExecuteScalar()! != 0;
    }

    /// <summary>`provider/model` pairs with rows whose cost is unknown, and how many rows each.</summary>
    private static List<(string Model, long Requests)> Unpriced(SqliteConnection connection, DateTimeOffset? since, string? agent)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT provider || '/' || coalesce(model, '?'), count(*) FROM requests
            WHERE cost_usd IS NULL AND time_ms >= $since AND ($agent IS NULL OR agent = $agent)
            GROUP BY 1 ORDER BY 2 DESC, 1
            """;
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? 0);
        command.Parameters.AddWithValue("$agent", (object?)agent ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<(string, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return list;
    }

    /// <summary>Matches of <paramref name="text"/> (every word must occur), best first.</summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 20)
    {
        var query = FtsQuery(text);
        if (query.Length == 0)
        {
            return [];
        }
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.time_ms, r.agent, r.bead, r.provider, r.model,
                   snippet(request_text, -1, '[', ']', '…', 12), bm25(request_text) AS rank
            FROM request_text JOIN requests r ON r.id = request_text.rowid
            WHERE request_text MATCH $q ORDER BY rank LIMIT $n
            """;
        command.Parameters.AddWithValue("$q", query);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read())
        {
            hits.Add(new SearchHit(
                reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetDouble(7)));
        }
        return hits;
    }

    /// <summary>Spend per agent, today (UTC) and in total: where the budget ledger starts after a restart.</summary>
    internal (Dictionary<string, decimal> PerAgent, decimal Today, decimal Total) SpendByAgent()
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent, coalesce(sum(cost_usd), 0) FROM requests GROUP BY agent";
        var perAgent = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                perAgent[reader.GetString(0)] = (decimal)reader.GetDouble(1);
            }
        }
        var (today, total) = Spend(connection);
        return (perAgent, today, total);
    }

    private (decimal Today, decimal Total) Spend(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(CASE WHEN time_ms >= $d THEN cost_usd END), 0), coalesce(sum(cost_usd), 0) FROM requests";
        var now = _time.GetUtcNow();
        command.Parameters.AddWithValue("$d", new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        reader.Read();
        return ((decimal)reader.GetDouble(0), (decimal)reader.GetDouble(1));
    }

    private static List<UsageLine> Lines(SqliteConnection connection, string key, DateTimeOffset? since, string? agent)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {key} AS k, count(*), sum(tokens_in), sum(tokens_out), coalesce(sum(cost_usd), 0), sum(status >= 400 OR error IS NOT NULL), avg(latency_ms)
            FROM requests WHERE time_ms >= $since AND ($agent IS NULL OR agent = $agent)
            GROUP BY k ORDER BY sum(cost_usd) DESC, count(*) DESC
            """;
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? 0);
        command.Parameters.AddWithValue("$agent", (object?)agent ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var lines = new List<UsageLine>();
        while (reader.Read())
        {
            lines.Add(new UsageLine(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                Math.Round((decimal)reader.GetDouble(4), 6), reader.GetInt64(5), reader.GetDouble(6)));
        }
        return lines;
    }

    /// <summary>Each word quoted, so user text never parses as FTS5 syntax (no injection, no syntax errors).</summary>
    internal static string FtsQuery(string text)
    {
        var query = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            query.Append(query.Length > 0 ? " " : "").Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return query.ToString();
    }
}
