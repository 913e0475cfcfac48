// One prepared statement of the audit writer, bound by index and run through SQLite's C API.
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Godel.Proxy.Store;

/// <summary>
/// Prepared once on the writer's connection and reused for every row; runs inside whatever transaction the
/// connection has open. Errors surface as <see cref="SqliteException"/> with SQLite's code, as ADO.NET's would.
/// </summary>
internal sealed class AuditStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public AuditStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public void Int(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Real(int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Binds UTF-8 bytes (SQLite copies them); empty binds "" as the string overload does, not NULL.</summary>
    public void Text(int index, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(_statement, index, "") : raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Executes the bound statement and makes it ready for the next row.</summary>
    public void Run()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }
}
