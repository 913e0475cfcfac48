// The single audit writer: requests enqueue records and never wait on disk; a background loop writes batches.
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Store;

/// <summary>
/// One writer owns all inserts (SQLite allows one at a time anyway), batching whatever queued up into one
/// transaction. It also enforces retention, hourly.
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable
{
    private static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// After the first record of a batch arrives the writer waits this long for more: one commit per batch instead
    /// of one per request keeps the writer's CPU (which competes with the hot path) low under load.
    /// </summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(25);

    private readonly ProxyDatabase _database;
    private readonly int _retentionDays;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _lastRetention;

    public AuditWriter(ProxyDatabase database, int retentionDays, ILogger logger, TimeProvider time)
    {
        _database = database;
        _retentionDays = retentionDays;
        _logger = logger;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    public void Enqueue(AuditRecord record) => _queue.Writer.TryWrite(record);

    /// <summary>Completes once every record enqueued before the call is on disk.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(done) ? done.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<AuditRecord>(256);
        var flushes = new List<TaskCompletionSource>();
        EnforceRetention();
        using var connection = _database.Connect();
        // Prepared once for the writer's life: re-preparing per batch was a visible share of the writer's CPU.
        using var insert = AuditSql.InsertCommand(connection);
        using var text = AuditSql.TextCommand(connection);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (_queue.Reader.TryPeek(out var first) && first is AuditRecord)
            {
                await Task.Delay(Coalesce).ConfigureAwait(false);
            }
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var item))
            {
                if (item is AuditRecord record) batch.Add(record);
                else flushes.Add((TaskCompletionSource)item);
            }
            Write(connection, insert, text, batch);
            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
            if (_time.GetElapsedTime(_lastRetention) > RetentionEvery)
            {
                EnforceRetention();
            }
        }
    }

    private void Write(SqliteConnection connection, SqliteCommand insert, SqliteCommand text, List<AuditRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            text.Transaction = transaction;
            foreach (var record in batch)
            {
                var id = AuditSql.Insert(insert, record);
                if (record.PromptBody is not null || record.ResponseBody is not null)
                {
                    AuditSql.InsertText(text, id, TextExtractor.Extract(record.PromptBody), TextExtractor.Extract(record.ResponseBody));
                }
            }
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            _logger.LogError("proxy audit: could not write {Count} records to {Path}: {Error}", batch.Count, _database.Path, e.Message);
        }
    }

    private void EnforceRetention()
    {
        _lastRetention = _time.GetTimestamp();
        if (_retentionDays <= 0)
        {
            return;
        }
        try
        {
            var cutoff = _time.GetUtcNow().AddDays(-_retentionDays).ToUnixTimeMilliseconds();
            using var connection = _database.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM request_text WHERE rowid IN (SELECT id FROM requests WHERE time_ms < $c);
                DELETE FROM requests WHERE time_ms < $c;
                """;
            command.Parameters.AddWithValue("$c", cutoff);
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            _logger.LogError("proxy audit: retention cleanup failed: {Error}", e.Message);
        }
    }
}
