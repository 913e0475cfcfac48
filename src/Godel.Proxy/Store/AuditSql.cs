// The audit log's insert statements, prepared once per batch.
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Store;

internal static class AuditSql
{
    private static readonly string[] Columns =
    [
        "time_ms", "agent", "bead", "provider", "model", "status", "tokens_in", "tokens_out", "cache_read", "cache_write",
        "cost_usd", "latency_ms", "bytes_in", "bytes_out", "fallback", "stream", "error",
    ];

    public static SqliteCommand InsertCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO requests({string.Join(',', Columns)}) VALUES ({string.Join(',', Columns.Select(c => "$" + c))}) RETURNING id";
        foreach (var column in Columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }
        command.Prepare();
        return command;
    }

    public static SqliteCommand TextCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO request_text(rowid, prompt, response) VALUES ($id, $p, $r)";
        command.Parameters.Add(new SqliteParameter("$id", null));
        command.Parameters.Add(new SqliteParameter("$p", null));
        command.Parameters.Add(new SqliteParameter("$r", null));
        command.Prepare();
        return command;
    }

    public static long Insert(SqliteCommand c, AuditRecord r)
    {
        var p = c.Parameters;
        p["$time_ms"].Value = r.TimeMs;
        p["$agent"].Value = r.Agent;
        p["$bead"].Value = (object?)r.Bead ?? DBNull.Value;
        p["$provider"].Value = r.Provider;
        p["$model"].Value = (object?)r.Model ?? DBNull.Value;
        p["$status"].Value = r.Status;
        p["$tokens_in"].Value = r.Usage.TotalInput;
        p["$tokens_out"].Value = r.Usage.Output;
        p["$cache_read"].Value = r.Usage.CacheRead;
        p["$cache_write"].Value = r.Usage.CacheWrite;
        p["$cost_usd"].Value = r.CostUsd is { } cost ? (double)cost : DBNull.Value;
        p["$latency_ms"].Value = r.LatencyMs;
        p["$bytes_in"].Value = r.BytesIn;
        p["$bytes_out"].Value = r.BytesOut;
        p["$fallback"].Value = r.Fallback ? 1 : 0;
        p["$stream"].Value = r.Stream ? 1 : 0;
        p["$error"].Value = (object?)r.Error ?? DBNull.Value;
        return (long)c.ExecuteScalar()!;
    }

    public static void InsertText(SqliteCommand c, long id, string prompt, string response)
    {
        c.Parameters["$id"].Value = id;
        c.Parameters["$p"].Value = prompt;
        c.Parameters["$r"].Value = response;
        c.ExecuteNonQuery();
    }
}
