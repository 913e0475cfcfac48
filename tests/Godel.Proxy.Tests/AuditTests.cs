// The audit log: one row per request, text search over prompts and replies, stats, retention.
using Godel.Config.Model;
using Godel.Proxy.Store;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class AuditTests
{
    private static string Ask(string text) => $$"""{"model":"claude-sonnet-4-5","max_tokens":20,"messages":[{"role":"user","content":"{{text}}"}]}""";

    [Fact]
    public async Task Search_ranks_matches_in_prompts_and_replies_with_agent_bead_and_time()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var other = proxy.Server.Admin.MintAgentToken("agent-2", "godel-bbbbb");
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("refactor the websocket reconnect logic")));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("explain the kanban board"), other));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", """{"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":"websocket websocket heartbeat"}]}"""));
        await proxy.Server.Admin.FlushAuditAsync();

        var hits = proxy.Server.Admin.Search("websocket");
        var kanban = Assert.Single(proxy.Server.Admin.Search("kanban"));

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal("agent-1", h.Agent));
        Assert.All(hits, h => Assert.Equal("godel-abcde", h.Bead));
        Assert.Contains("[websocket]", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal("agent-2", kanban.Agent);
        Assert.True(DateTimeOffset.UtcNow - kanban.Time < TimeSpan.FromMinutes(1));
        Assert.Empty(proxy.Server.Admin.Search("\"unbalanced AND OR ("));
    }

    [Fact]
    public async Task Streamed_reply_text_is_searchable()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("zebra").Replace("20,", "20,\"stream\":true,", StringComparison.Ordinal)));
        await proxy.Server.Admin.FlushAuditAsync();

        // "mock reply to: zebra" is only in the streamed deltas.
        Assert.Single(proxy.Server.Admin.Search("mock reply zebra"));
    }

    [Fact]
    public async Task With_text_storage_off_rows_are_kept_but_nothing_is_searchable()
    {
        await using var proxy = await ProxyHarness.StartAsync(storeText: false);
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("secret plans")));
        await proxy.Server.Admin.FlushAuditAsync();

        Assert.Empty(proxy.Server.Admin.Search("secret"));
        Assert.Equal(1, proxy.Server.Admin.Stats().Totals.Requests);
    }

    [Fact]
    public async Task Stats_filter_by_agent_and_since()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var other = proxy.Server.Admin.MintAgentToken("agent-2", null);
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("one")));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("two"), other));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask("three"), other));
        await proxy.Server.Admin.FlushAuditAsync();

        var all = proxy.Server.Admin.Stats();
        var agent2 = proxy.Server.Admin.Stats(agent: "agent-2");
        var future = proxy.Server.Admin.Stats(since: DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(3, all.Totals.Requests);
        Assert.Equal(2, all.Agents.Count);
        Assert.Equal(2, agent2.Totals.Requests);
        Assert.Equal("agent-2", Assert.Single(agent2.Agents).Name);
        Assert.Equal("mock/claude-sonnet-4-5", Assert.Single(all.Models).Name);
        Assert.Equal(0, future.Totals.Requests);
    }

    [Fact]
    public async Task Retention_also_runs_hourly_in_a_proxy_that_keeps_running()
    {
        using var dir = new TempDir();
        var time = new ShiftedTime { ShiftTimestamps = true };
        var config = new ProxyConfig { Audit = new AuditConfig { RetentionDays = 30 } };
        await using var proxy = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db"), Time = time });
        var token = proxy.Admin.MintAgentToken("a", null);
        using var http = new HttpClient();
        async Task SendAsync(string word)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, proxy.BaseUrl + "/proxy/mock/v1/messages") { Content = new StringContent(Ask(word)) };
            request.Headers.Add("x-api-key", token);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
            await proxy.Admin.FlushAuditAsync();
        }

        await SendAsync("ancient");
        // 31 days later (more than an hour since the last cleanup), with the same proxy still running.
        time.Offset = TimeSpan.FromDays(31);
        await SendAsync("recent");
        // The writer cleans up after the batch that woke it; wait for that, not for a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (proxy.Admin.Search("ancient").Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Empty(proxy.Admin.Search("ancient"));
        Assert.Single(proxy.Admin.Search("recent"));
        Assert.Equal(1, proxy.Admin.Stats().Totals.Requests);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Retention_removes_rows_older_than_the_setting_when_the_proxy_starts()
    {
        using var dir = new TempDir();
        var time = new ShiftedTime { Offset = TimeSpan.FromDays(-40) };
        var config = new ProxyConfig { Audit = new AuditConfig { RetentionDays = 30 } };
        await using (var old = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db"), Time = time }))
        {
            var token = old.Admin.MintAgentToken("a", null);
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, old.BaseUrl + "/proxy/mock/v1/messages") { Content = new StringContent(Ask("ancient")) };
            request.Headers.Add("x-api-key", token);
            await http.SendAsync(request);
            await old.Admin.FlushAuditAsync();
            Assert.Equal(1, old.Admin.Stats().Totals.Requests);
        }
        await using var now = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db") });
        await now.Admin.FlushAuditAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (now.Admin.Stats().Totals.Requests > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, now.Admin.Stats().Totals.Requests);
        Assert.Empty(now.Admin.Search("ancient"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Text_extraction_reads_json_bodies_and_sse_deltas()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"system":"be kind","messages":[{"role":"user","content":[{"type":"text","text":"hello"}]}]}""");
        var sse = System.Text.Encoding.UTF8.GetBytes("event: x\ndata: {\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\ndata: {\"delta\":{\"text\":\"lo\"}}\n\n");

        Assert.Equal("be kind\nhello", TextExtractor.Extract(json));
        Assert.Equal("Hello", TextExtractor.Extract(sse));
    }

    [Fact]
    public void Text_extraction_keeps_escaped_text_and_survives_invalid_utf8_from_upstream()
    {
        var escaped = System.Text.Encoding.UTF8.GetBytes("""{"content":"tab\there \"quoted\" caf\u00e9 \ud83d\ude00"}""");
        // An upstream may send any bytes; a reply with a broken UTF-8 sequence must not stop the audit writer.
        var broken = System.Text.Encoding.UTF8.GetBytes("""{"content":"before","text":"bad X here"}""");
        broken[Array.IndexOf(broken, (byte)'X')] = 0xC3;

        Assert.Equal("tab\there \"quoted\" café 😀", TextExtractor.Extract(escaped));
        Assert.StartsWith("before", TextExtractor.Extract(broken), StringComparison.Ordinal);
    }
}
