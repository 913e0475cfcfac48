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

        Assert.True(waited, "no request ever found the audit queue full");
        Assert.True(unfinished > 0, "every request finished while the writer was stalled: nothing waited");
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal(requests, stats.Totals.Requests);
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
