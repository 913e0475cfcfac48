// The routed endpoint: model → providers by glob, fallback on 429/5xx/connect failure, cost_limit.
using System.Net;
using System.Text;
using System.Text.Json;
using Godel.Config.Model;
using Godel.Proxy.Routing;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("claude-*", "claude-sonnet-4-5", true)]
    [InlineData("gpt-4?", "gpt-4o", true)]
    [InlineData("gpt-4?", "gpt-4.1", false)]
    [InlineData("*", "anything", true)]
    [InlineData("o3", "o3-mini", false)]
    public void Globs_match_whole_names(string pattern, string model, bool expected) => Assert.Equal(expected, Glob.Matches(pattern, model));

    [Fact]
    public async Task With_no_routes_the_routed_endpoint_uses_the_mock_and_strips_routing()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            """{"model":"gpt-4.1","routing":{"fallback_allowed":true},"messages":[{"role":"user","content":"route me"}]}"""));

        Assert.Equal(200, status);
        Assert.Contains("mock reply to: route me", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"include_usage":false}""")]
    [InlineData(null)]
    public async Task A_routed_stream_with_routing_options_streams_hides_the_injected_usage_and_records_it(string? streamOptions)
    {
        await using var proxy = await ProxyHarness.StartAsync();
        // `routing` is removed before the body goes upstream: the usage request is injected into that shorter body.
        var options = streamOptions is null ? "" : "\"stream_options\":" + streamOptions + ",";
        var (status, body, response) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            "{\"model\":\"gpt-4o\",\"stream\":true," + options + "\"routing\":{\"fallback_allowed\":true,\"cost_limit\":1},\"messages\":[{\"role\":\"user\",\"content\":\"routed stream\"}]}", bearer: true));

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\" stream\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("usage", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();
        Assert.Equal(1, stats.Totals.Requests);
        Assert.True(stats.Totals.TokensOut > 0, "the injected usage chunk was recorded");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Falls_back_to_the_next_provider_when_allowed_and_records_it(int failure)
    {
        await using var s = await StubbedProxy.StartAsync(c => c with
        {
            Routes = new Dictionary<string, IReadOnlyList<string>> { ["gpt-*"] = ["openai", "mock"] },
        });
        s.Stub.Replay(Encoding.UTF8.GetBytes("""{"error":{"message":"busy","type":"server_error","code":null}}"""), "application/json", failure);
        var (status, body, _) = await s.Proxy.SendAsync(s.Proxy.Post("/proxy/v1/chat/completions",
            """{"model":"gpt-4.1","routing":{"fallback_allowed":true},"messages":[{"role":"user","content":"x"}]}"""));
        var (noFallback, passed, _) = await s.Proxy.SendAsync(s.Proxy.Post("/proxy/v1/chat/completions",
            """{"model":"gpt-4.1","messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(200, status);
        Assert.Contains("mock reply to: x", body, StringComparison.Ordinal);
        Assert.Equal(failure, noFallback);
        Assert.Contains("busy", passed, StringComparison.Ordinal);
        Assert.DoesNotContain("routing", Encoding.UTF8.GetString(s.Stub.Seen.First().Body), StringComparison.Ordinal);
        await s.Proxy.Server.Admin.FlushAuditAsync();
        Assert.Equal(1, CountFallbackRows(s.Proxy.DatabasePath));
    }

    [Fact]
    public async Task Falls_back_on_connect_failure()
    {
        await using var proxy = await ProxyHarness.StartAsync(ProxyHarness.With(
            ("down", new ProviderConfig { Type = ProviderType.OpenAICompatible, BaseUrl = $"http://127.0.0.1:{FreePort()}" })) with
        {
            Routes = new Dictionary<string, IReadOnlyList<string>> { ["*"] = ["down", "mock"] },
        });
        var (status, _, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            """{"model":"local-llama","routing":{"fallback_allowed":true},"messages":[{"role":"user","content":"x"}]}"""));
        var (refused, body, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            """{"model":"local-llama","messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(200, status);
        Assert.Equal(502, refused);
        Assert.Contains("provider 'down' is unreachable", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_limit_refuses_a_request_whose_worst_case_exceeds_it()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        // gpt-4.1 output is $8/MTok: 100k max tokens ≈ $0.80 worst case.
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            """{"model":"gpt-4.1","max_tokens":100000,"routing":{"cost_limit":0.05},"messages":[{"role":"user","content":"x"}]}"""));
        var (cheap, _, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions",
            """{"model":"gpt-4.1","max_tokens":100,"routing":{"cost_limit":0.05},"messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(400, status);
        Assert.Equal("cost_limit_exceeded", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(200, cheap);
    }

    [Fact]
    public async Task Unrouted_model_and_bad_routing_are_clear_errors()
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig
        {
            Routes = new Dictionary<string, IReadOnlyList<string>> { ["gpt-*"] = ["mock"] },
        });
        var (unrouted, body, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions", """{"model":"llama","messages":[]}"""));
        var (bad, _, _) = await proxy.SendAsync(proxy.Post("/proxy/v1/chat/completions", """{"model":"gpt-4o","routing":{"fallback_allowed":"yes"},"messages":[]}"""));

        Assert.Equal(404, unrouted);
        Assert.Contains("[proxy.routes]", body, StringComparison.Ordinal);
        Assert.Equal(400, bad);
    }

    private static long CountFallbackRows(string db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM requests WHERE fallback = 1 AND provider = 'mock'";
        return (long)command.ExecuteScalar()!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
