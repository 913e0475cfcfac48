// Rate limits (429 + Retry-After), token reservations reconciled with usage, and budgets (402 naming the budget).
using System.Text.Json;
using Godel.Config.Model;
using Godel.Proxy.Limits;
using Godel.Proxy.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Tests;

public sealed class LimitsAndBudgetsTests
{
    private const string Ask = """{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hello"}]}""";

    [Fact]
    public async Task Agent_requests_per_minute_gives_429_with_retry_after_in_provider_shape()
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig { Limits = new LimitsConfig { AgentRequestsPerMinute = 2 } });
        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        string lastBody = "";
        for (var i = 0; i < 3; i++)
        {
            (var status, lastBody, last) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask));
            statuses.Add(status);
        }
        var other = proxy.Server.Admin.MintAgentToken("agent-2", null);
        var (otherStatus, _, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask, other));

        Assert.Equal([200, 200, 429], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate_limit_error", JsonDocument.Parse(lastBody).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(200, otherStatus);
    }

    [Fact]
    public async Task Provider_requests_per_minute_applies_across_agents()
    {
        var config = ProxyHarness.With(("limited", new ProviderConfig { Type = ProviderType.Mock, RequestsPerMinute = 1 }));
        await using var proxy = await ProxyHarness.StartAsync(config);
        var other = proxy.Server.Admin.MintAgentToken("agent-2", null);
        var (first, _, _) = await proxy.SendAsync(proxy.Post("/proxy/limited/v1/messages", Ask));
        var (second, body, _) = await proxy.SendAsync(proxy.Post("/proxy/limited/v1/messages", Ask, other));

        Assert.Equal(200, first);
        Assert.Equal(429, second);
        Assert.Contains("provider 'limited'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_per_minute_reserves_max_tokens_and_refunds_what_was_not_used()
    {
        // 1000 tokens/min; each request reserves ~30 + 400 but uses ~10: without refunds the third would be refused.
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig { Limits = new LimitsConfig { AgentTokensPerMinute = 1000 } });
        var ask = Ask.Replace("\"max_tokens\":10", "\"max_tokens\":400", StringComparison.Ordinal);
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", ask))).Status);
        }
        var (huge, _, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Ask.Replace("\"max_tokens\":10", "\"max_tokens\":5000", StringComparison.Ordinal)));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(429, huge);
    }

    [Fact]
    public void Token_window_refuses_then_accepts_after_a_refund()
    {
        var window = new TokenWindow(100, TimeProvider.System);
        Assert.True(window.TryReserve(80, out _));
        Assert.False(window.TryReserve(30, out var retry));
        Assert.InRange(retry, 1, 60);
        window.Adjust(-70);
        Assert.True(window.TryReserve(30, out _));
    }

    [Theory]
    [InlineData(0, 429)]
    [InlineData(30_000, 200)]
    public async Task A_request_over_the_token_limit_queues_until_a_running_one_refunds_its_reservation(int queueMs, int expected)
    {
        await using var s = await StubbedProxy.StartAsync(c => c with { Limits = new LimitsConfig { AgentTokensPerMinute = 200, QueueMs = queueMs } });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Stub.Handler = async (c, _) =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync(Recordings.AnthropicMessage);
        };
        // Each reserves ~23 (prompt) + 100 (max_tokens) of 200; the recorded reply uses 50, so the second fits
        // only once the first is reconciled.
        var ask = Ask.Replace("\"max_tokens\":10", "\"max_tokens\":100", StringComparison.Ordinal);
        var first = s.Proxy.SendAsync(s.Proxy.Post("/proxy/anthropic/v1/messages", ask));
        // The first holds its reservation once it reached upstream: wait for that, not for a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (s.Stub.Seen.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.False(s.Stub.Seen.IsEmpty, "the first request never reached upstream");
        var second = s.Proxy.SendAsync(s.Proxy.Post("/proxy/anthropic/v1/messages", ask));
        if (queueMs == 0)
        {
            // Without queueing the refusal comes while the first is still held upstream.
            Assert.Equal(429, (await second).Status);
        }
        release.SetResult();

        Assert.Equal(200, (await first).Status);
        Assert.Equal(expected, (await second).Status);
    }

    [Fact]
    public async Task Per_agent_budget_gives_402_naming_the_budget_the_spend_and_the_setting()
    {
        var config = ProxyHarness.With(("priced", new ProviderConfig { Type = ProviderType.Mock })) with
        {
            Budgets = new BudgetsConfig { PerAgentUsd = 0.0001m },
            Pricing = new Dictionary<string, ModelPrice> { ["pricey"] = new() { InputPerMTok = 100, OutputPerMTok = 1000 } },
        };
        await using var proxy = await ProxyHarness.StartAsync(config);
        var ask = Ask.Replace("claude-sonnet-4-5", "pricey", StringComparison.Ordinal);
        var (first, _, _) = await proxy.SendAsync(proxy.Post("/proxy/priced/v1/messages", ask));
        var (second, body, _) = await proxy.SendAsync(proxy.Post("/proxy/priced/v1/messages", ask));
        var other = proxy.Server.Admin.MintAgentToken("agent-2", null);
        var (otherStatus, _, _) = await proxy.SendAsync(proxy.Post("/proxy/priced/v1/messages", ask, other));

        Assert.Equal(200, first);
        Assert.Equal(402, second);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("billing_error", error.GetProperty("type").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("agent 'agent-1' budget", message, StringComparison.Ordinal);
        Assert.Contains("of $0.0001", message, StringComparison.Ordinal);
        Assert.Contains("[proxy.budgets] per_agent_usd", message, StringComparison.Ordinal);
        Assert.Equal(200, otherStatus);
    }

    [Fact]
    public async Task Daily_budget_refuses_every_agent_for_the_rest_of_the_utc_day_and_resets_the_next()
    {
        using var dir = new TempDir();
        var clock = new ShiftedTime();
        var config = new ProxyConfig
        {
            Budgets = new BudgetsConfig { PerDayUsd = 0.0001m },
            Pricing = new Dictionary<string, ModelPrice> { ["pricey"] = new() { InputPerMTok = 100, OutputPerMTok = 1000 } },
        };
        var ask = Ask.Replace("claude-sonnet-4-5", "pricey", StringComparison.Ordinal);
        await using var proxy = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db"), Time = clock });
        var first = proxy.Admin.MintAgentToken("a", null);
        var second = proxy.Admin.MintAgentToken("b", null);

        Assert.Equal(200, await PostAsync(proxy.BaseUrl, first, ask));
        using var http = new HttpClient();
        using var refused = new HttpRequestMessage(HttpMethod.Post, proxy.BaseUrl + "/proxy/mock/v1/chat/completions") { Content = new StringContent(ask) };
        refused.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", second);
        using var response = await http.SendAsync(refused);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(402, (int)response.StatusCode);
        Assert.Equal("budget_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("daily budget", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("[proxy.budgets] per_day_usd", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        clock.Offset = TimeSpan.FromDays(1);
        Assert.Equal(200, await PostAsync(proxy.BaseUrl, second, ask));
        await proxy.Admin.FlushAuditAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Total_budget_survives_a_restart_because_spend_is_reloaded_from_the_audit_log()
    {
        using var dir = new TempDir();
        var config = new ProxyConfig
        {
            Budgets = new BudgetsConfig { TotalUsd = 0.0001m },
            Pricing = new Dictionary<string, ModelPrice> { ["pricey"] = new() { InputPerMTok = 100, OutputPerMTok = 1000 } },
        };
        var ask = Ask.Replace("claude-sonnet-4-5", "pricey", StringComparison.Ordinal);
        string token;
        await using (var first = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db") }))
        {
            token = first.Admin.MintAgentToken("a", null);
            Assert.Equal(200, await PostAsync(first.BaseUrl, token, ask));
            await first.Admin.FlushAuditAsync();
        }
        await using var second = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, DatabasePath = dir.File("p.db") });
        Assert.Equal(402, await PostAsync(second.BaseUrl, token, ask));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<int> PostAsync(string baseUrl, string token, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/proxy/mock/v1/messages") { Content = new StringContent(body) };
        request.Headers.Add("x-api-key", token);
        return (int)(await http.SendAsync(request)).StatusCode;
    }
}
