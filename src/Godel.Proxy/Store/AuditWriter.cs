// The single audit writer: requests hand records to a bounded queue; one low-priority thread writes them in batches.
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Store;

/// <summary>
/// One writer owns all inserts (SQLite allows one at a time anyway), batching whatever queued up into one
/// transaction, on its own thread at a lower CPU priority so request handling wins the cores under load. It
/// also enforces retention, hourly.
/// </summary>
/// <remarks>
/// The queue is bounded (<see cref="DefaultCapacity"/> records). When it is full a request waits for room before
/// it completes (backpressure: the flood slows to the writer's pace) instead of dropping its row or growing
/// memory; each such wait is counted in <see cref="QueueFullWaits"/>, which `godel proxy stats` shows.
/// </remarks>
internal sealed class AuditWriter : IAsyncDisposable
{
    /// <summary>About 8 MB of queued records with text at the bench's sizes; far above what LLM traffic queues.</summary>
    public const int DefaultCapacity = 8192;

    private const int MaxBatch = 4096;

    /// <summary>
    /// Rows per transaction at most. A commit (FTS5 segment flush and merge work) is the one stretch where the writer
    /// cannot give the CPU back, so it is bounded; but each commit costs pages of WAL and a new FTS segment, and
    /// 64-row transactions measured 60 % more writer CPU per request than one per batch, so the bound is loose.
    /// </summary>
    internal const int ChunkRows = 512;

    /// <summary>
    /// The writer offers its core to waiting threads after this many rows. At nice +10 a request thread woken on
    /// the writer's core is not let in at once: perf showed wrk and nginx waiting the whole 1–4 ms of a batch, a
    /// few requests per batch, which at 40 batches a second made the proxy's p99. A yield with nobody waiting is
    /// one cheap syscall.
    /// </summary>
    internal const int YieldEvery = 16;
    private const int SqliteConstraint = 19;
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
    private readonly Channel<object> _queue;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastRetention;
    private long _waits;

    public AuditWriter(ProxyDatabase database, int retentionDays, ILogger logger, TimeProvider time, int capacity = DefaultCapacity)
    {
        _database = database;
        _retentionDays = retentionDays;
        _logger = logger;
        _time = time;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        new Thread(Run) { IsBackground = true, Name = "godel-proxy-audit" }.Start();
    }

    /// <summary>Requests that found the queue full and waited for the writer (since start).</summary>
    public long QueueFullWaits => Interlocked.Read(ref _waits);

    /// <summary>Records (and flush markers) waiting for the writer right now.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Completes at once unless the queue is full; then when there is room. Never drops the record while running.</summary>
    public ValueTask EnqueueAsync(AuditRecord record)
    {
        if (_queue.Writer.TryWrite(record))
        {
            return ValueTask.CompletedTask;
        }
        Interlocked.Increment(ref _waits);
        return WaitForRoomAsync(record);
    }

    /// <summary>Completes once every record enqueued before the call is on disk.</summary>
    public async Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(done).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return;
        }
        await done.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
    }

    private async ValueTask WaitForRoomAsync(AuditRecord record)
    {
        try
        {
            // Not the request's token: a client that left still gets its row.
            await _queue.Writer.WriteAsync(record).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the writer drained what it could.
        }
    }

    private void Run()
    {
        WriterThread.LowerPriority();
        try
        {
            Loop();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            _logger.LogError("proxy audit: the writer stopped: {Type}: {Message}", e.GetType().Name, e.Message);
            // Keep draining so requests waiting for room are never stuck behind a dead writer.
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    (item as TaskCompletionSource)?.TrySetResult();
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void Loop()
    {
        var batch = new List<AuditRecord>(256);
        var flushes = new List<TaskCompletionSource>();
        EnforceRetention();
        using var connection = _database.Connect();
        // Prepared once for the writer's life: re-preparing per batch was a visible share of the writer's CPU.
        using var insert = new AuditStatement(connection, AuditSql.InsertSql);
        using var text = new AuditTextInsert(connection);
        var lastId = AuditSql.LastId(connection);
        // A thread of its own may block: waiting here costs no pool thread.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (_queue.Reader.TryPeek(out var first) && first is AuditRecord)
            {
                Thread.Sleep(Coalesce);
            }
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item is AuditRecord record) batch.Add(record);
                else flushes.Add((TaskCompletionSource)item);
            }
            lastId = Write(connection, insert, text, batch, lastId);
            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
            if (_time.GetElapsedTime(_lastRetention) > RetentionEvery)
            {
                EnforceRetention();
            }
        }
    }

    /// <summary>Writes the batch in transactions of <see cref="ChunkRows"/>, yielding the CPU between them; returns the last id used.</summary>
    private long Write(SqliteConnection connection, AuditStatement insert, AuditTextInsert text, List<AuditRecord> batch, long lastId)
    {
        for (var start = 0; start < batch.Count; start += ChunkRows)
        {
            var chunk = CollectionsMarshal.AsSpan(batch).Slice(start, Math.Min(ChunkRows, batch.Count - start));
            lastId = WriteChunk(connection, insert, text, chunk, lastId);
            Thread.Yield();
        }
        return lastId;
    }

    /// <summary>
    /// Writes one chunk in one transaction. Another process writing the same file (a second proxy on one store)
    /// can take the ids this writer meant to use: then the chunk is retried once after the current maximum.
    /// </summary>
    private long WriteChunk(SqliteConnection connection, AuditStatement insert, AuditTextInsert text, ReadOnlySpan<AuditRecord> chunk, long lastId)
    {
        try
        {
            return TryWrite(connection, insert, text, chunk, lastId);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            lastId = AuditSql.LastId(connection);
        }
        try
        {
            return TryWrite(connection, insert, text, chunk, lastId);
        }
        catch (SqliteException e)
        {
            _logger.LogError("proxy audit: could not write {Count} records to {Path}: {Error}", chunk.Length, _database.Path, e.Message);
            return lastId;
        }
    }

    /// <summary>A failed row rolls the whole chunk back (the transaction's dispose), so ids are never half used.</summary>
    private static long TryWrite(SqliteConnection connection, AuditStatement insert, AuditTextInsert text, ReadOnlySpan<AuditRecord> chunk, long lastId)
    {
        var id = lastId;
        using var transaction = connection.BeginTransaction();
        for (var i = 0; i < chunk.Length; i++)
        {
            var record = chunk[i];
            AuditSql.Insert(insert, ++id, record);
            if (record.PromptBody is not null || record.ResponseBody is not null)
            {
                text.Insert(id, record.PromptBody, record.ResponseBody);
            }
            if ((i + 1) % YieldEvery == 0)
            {
                Thread.Yield();
            }
        }
        transaction.Commit();
        return id;
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
