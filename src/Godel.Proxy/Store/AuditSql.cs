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

    /// <summary>The insert into `requests`; ids are assigned by the single writer (see <see cref="LastId"/>).</summary>
    public static string InsertSql => $"INSERT INTO requests(id,{string.Join(',', Columns)}) VALUES ({string.Join(',', Enumerable.Range(1, Columns.Length + 1).Select(i => "?" + i))})";

    public const string TextSql = "INSERT INTO request_text(rowid, prompt, response) VALUES (?1, ?2, ?3)";

    /// <summary>The highest id in the log: the writer continues from here (it is the only one that inserts).</summary>
    public static long LastId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM requests";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Binds by index straight through SQLite's C API (the order of <see cref="Columns"/> after the id): the
    /// ADO.NET layer's per-execution statement lookup and by-name binding were a third of the writer's CPU (perf).
    /// </summary>
    public static void Insert(AuditStatement s, long id, AuditRecord r)
    {
        s.Int(1, id);
        s.Int(2, r.TimeMs);
        s.Text(3, r.Agent);
        s.Text(4, r.Bead);
        s.Text(5, r.Provider);
        s.Text(6, r.Model);
        s.Int(7, r.Status);
        s.Int(8, r.Usage.TotalInput);
        s.Int(9, r.Usage.Output);
        s.Int(10, r.Usage.CacheRead);
        s.Int(11, r.Usage.CacheWrite);
        s.Real(12, r.CostUsd is { } cost ? (double)cost : null);
        s.Real(13, r.LatencyMs);
        s.Int(14, r.BytesIn);
        s.Int(15, r.BytesOut);
        s.Int(16, r.Fallback ? 1 : 0);
        s.Int(17, r.Stream ? 1 : 0);
        s.Text(18, r.Error);
        s.Run();
    }
}
