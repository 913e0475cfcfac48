// The proxy's SQLite file: opening connections (WAL, pooled) and creating the schema once.
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Store;

/// <summary>
/// One file holds tokens (hashed) and the audit log. WAL lets readers (stats, search, the CLI) run while
/// the single audit writer appends; the CLI may open the same file while a proxy is running.
/// </summary>
public sealed class ProxyDatabase
{
    /// <summary>The `requests` columns; `cost_usd` is NULL when the model has no price (unknown, not free).</summary>
    private const string RequestsColumns = """
        (
          id INTEGER PRIMARY KEY,
          time_ms INTEGER NOT NULL,
          agent TEXT NOT NULL,
          bead TEXT,
          provider TEXT NOT NULL,
          model TEXT,
          status INTEGER NOT NULL,
          tokens_in INTEGER NOT NULL,
          tokens_out INTEGER NOT NULL,
          cache_read INTEGER NOT NULL,
          cache_write INTEGER NOT NULL,
          cost_usd REAL,
          latency_ms REAL NOT NULL,
          bytes_in INTEGER NOT NULL,
          bytes_out INTEGER NOT NULL,
          fallback INTEGER NOT NULL,
          stream INTEGER NOT NULL,
          error TEXT)
        """;

    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS requests
        """ + RequestsColumns + """
        ;
        CREATE INDEX IF NOT EXISTS requests_time ON requests(time_ms);
        CREATE INDEX IF NOT EXISTS requests_agent ON requests(agent, time_ms);
        CREATE VIRTUAL TABLE IF NOT EXISTS request_text USING fts5(prompt, response);
        CREATE TABLE IF NOT EXISTS tokens(
          hash TEXT PRIMARY KEY,
          agent TEXT NOT NULL,
          bead TEXT,
          created_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS tokens_agent ON tokens(agent);
        """;

    private readonly string _connectionString;

    private ProxyDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating folder, file and schema when missing) the database at <paramref name="path"/>.</summary>
    public static ProxyDatabase Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        var db = new ProxyDatabase(full);
        using var connection = db.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
        AllowUnknownCost(connection);
        return db;
    }

    /// <summary>
    /// Files made before unknown costs were recorded as NULL have `cost_usd REAL NOT NULL`; SQLite cannot relax a
    /// constraint in place, so the table is copied into the new shape once, rows and ids kept.
    /// </summary>
    private static void AllowUnknownCost(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT \"notnull\" FROM pragma_table_info('requests') WHERE name = 'cost_usd'";
        if (probe.ExecuteScalar() is not long notNull || notNull == 0)
        {
            return;
        }
        using var transaction = connection.BeginTransaction();
        using var copy = connection.CreateCommand();
        copy.Transaction = transaction;
        copy.CommandText = "CREATE TABLE requests_v2" + RequestsColumns + """
            ;
            INSERT INTO requests_v2 SELECT * FROM requests;
            DROP TABLE requests;
            ALTER TABLE requests_v2 RENAME TO requests;
            CREATE INDEX IF NOT EXISTS requests_time ON requests(time_ms);
            CREATE INDEX IF NOT EXISTS requests_agent ON requests(agent, time_ms);
            """;
        copy.ExecuteNonQuery();
        transaction.Commit();
    }

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
