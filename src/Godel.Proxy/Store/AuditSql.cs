// The audit log's insert statements, prepared once for the writer's life.
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Store;

internal static class AuditSql
{
    private static readonly string[] Columns =
    [
        "time_ms", "agent", "bead", "provider", "model", "status", "tokens_in", "tokens_out", "cache_read", "cache_write",
        "cost_usd", "latency_ms", "bytes_in", "bytes_out", "fallback", "stream", "error",
    ];

    /// <summary>Ids are assigned by the single writer (see <see cref="LastId"/>), so no RETURNING reader per row.</summary>
    public static SqliteCommand InsertCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO requests(id,{string.Join(',', Columns)}) VALUES ($id,{string.Join(',', Columns.Select(c => "$" + c))})";
        command.Parameters.Add(new SqliteParameter("$id", null));
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

    /// <summary>The highest id in the log: the writer continues from here (it is the only one that inserts).</summary>
    public static long LastId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM requests";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Binds by position (the order of <see cref="Columns"/> after `$id`): name lookups were a visible cost per row.</summary>
    public static void Insert(SqliteCommand c, long id, AuditRecord r)
    {
        var p = c.Parameters;
        p[0].Value = id;
        p[1].Value = r.TimeMs;
        p[2].Value = r.Agent;
        p[3].Value = (object?)r.Bead ?? DBNull.Value;
        p[4].Value = r.Provider;
        p[5].Value = (object?)r.Model ?? DBNull.Value;
        p[6].Value = r.Status;
        p[7].Value = r.Usage.TotalInput;
        p[8].Value = r.Usage.Output;
        p[9].Value = r.Usage.CacheRead;
        p[10].Value = r.Usage.CacheWrite;
        p[11].Value = r.CostUsd is { } cost ? (double)cost : DBNull.Value;
        p[12].Value = r.LatencyMs;
        p[13].Value = r.BytesIn;
        p[14].Value = r.BytesOut;
        p[15].Value = r.Fallback ? 1 : 0;
        p[16].Value = r.Stream ? 1 : 0;
        p[17].Value = (object?)r.Error ?? DBNull.Value;
        c.ExecuteNonQuery();
    }

    public static void InsertText(SqliteCommand c, long id, string prompt, string response)
    {
        var p = c.Parameters;
        p[0].Value = id;
        p[1].Value = prompt;
        p[2].Value = response;
        c.ExecuteNonQuery();
    }
}
