// The audit queue is bounded: when the writer falls behind, requests wait for room (counted), rows are never dropped.
using Godel.Proxy.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Tests;

public sealed class AuditQueueTests
{
    private const string Ask = """{"model":"gpt-4.1","messages":[{"role":"user","content":"queue me"}]}""";

    [Fact]
    public async Task A_stalled_writer_makes_requests_wait_for_room_and_loses_no_row()
    {
        const int capacity = 4;
        const int requests = 40;
        await using var proxy = await ProxyHarness.StartAsync(auditQueue: capacity);
        // Let the writer finish its start-up work, then hold SQLite's write lock so its next batch stalls.
        await proxy.Server.Admin.FlushAuditAsync();
        using var blocker = new SqliteConnection($"Data Source={proxy.DatabasePath};Pooling=False");
        blocker.Open();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var calls = Enumerable.Range(0, requests).Select(_ => proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask))).ToList();
        var waited = await WaitUntilAsync(() => proxy.Server.Admin.Stats().AuditQueueFullWaits > 0);
        var unfinished = calls.Count(c => !c.IsCompleted);
        using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
        }
        var results = await Task.WhenAll(calls);
        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();

        var log = string.Join(" | ", proxy.Logger.Lines.Where(l => !l.Contains("proxy: agent-1", StringComparison.Ordinal)));
        Assert.True(waited, "no request ever found the audit queue full; log: " + log);
        Assert.True(unfinished > 0, "every request finished while the writer was stalled: nothing waited; log: " + log);
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.True(requests == stats.Totals.Requests, $"{stats.Totals.Requests} of {requests} rows; log: {log}");
        Assert.InRange(stats.AuditQueueFullWaits, 1, requests);
        Assert.Contains(stats.Warnings, w => w.Contains("waited for the audit writer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_writer_that_keeps_up_reports_no_waits_and_no_warning()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask));
        }
        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();

        Assert.Equal(20, stats.Totals.Requests);
        Assert.Equal(0, stats.AuditQueueFullWaits);
        Assert.Empty(stats.Warnings);
    }

    [Fact]
    public async Task Rows_another_process_wrote_to_the_same_file_are_kept_and_ours_still_land()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask));
        await proxy.Server.Admin.FlushAuditAsync();
        // A second writer (another proxy on this store) takes the next ids this writer would use.
        using (var other = new SqliteConnection($"Data Source={proxy.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var insert = other.CreateCommand();
            insert.CommandText = """
                INSERT INTO requests(id, time_ms, agent, provider, status, tokens_in, tokens_out, cache_read, cache_write, latency_ms, bytes_in, bytes_out, fallback, stream)
                WITH m AS (SELECT max(id) AS top FROM requests), n AS (SELECT 1 AS k UNION ALL SELECT 2)
                SELECT m.top + n.k, 1, 'other-proxy', 'mock', 200, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM m, n;
                INSERT INTO request_text(rowid, prompt, response) SELECT max(id), 'other', 'other' FROM requests;
                """;
            insert.ExecuteNonQuery();
        }

        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask));
        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();

        Assert.Equal(5, stats.Totals.Requests);
        Assert.Equal(3, stats.Agents.Single(a => a.Name == "agent-1").Requests);
        Assert.Equal(2, stats.Agents.Single(a => a.Name == "other-proxy").Requests);
        Assert.Equal(3, proxy.Server.Admin.Search("queue").Count);
        Assert.DoesNotContain(proxy.Logger.Lines, l => l.Contains("could not write", StringComparison.Ordinal));
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(25);
        }
        return false;
    }
}
