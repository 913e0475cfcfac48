// The built-in mock provider through the whole pipeline: both wire formats, streaming, tools, usage.
using System.Text.Json;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class MockProviderTests
{
    private const string AnthropicBody = """{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Write a haiku about terminals please"}]}""";

    [Fact]
    public async Task Anthropic_message_replies_deterministically_with_consistent_usage()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", AnthropicBody));
        var (_, again, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", AnthropicBody));

        Assert.Equal(200, status);
        Assert.Equal(body, again);
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.Equal("mock reply to: Write a haiku about terminals please", root.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(("Write a haiku about terminals please".Length + 3) / 4, root.GetProperty("usage").GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task Anthropic_stream_has_the_documented_event_sequence_and_is_recorded_with_usage()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var request = proxy.Post("/proxy/mock/v1/messages", AnthropicBody.Replace("\"max_tokens\":100", "\"max_tokens\":100,\"stream\":true", StringComparison.Ordinal));
        var (status, body, response) = await proxy.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        var events = body.Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).Select(l => l[7..]).ToList();
        Assert.Equal(["message_start", "content_block_start", "ping", "content_block_delta"], events.Take(4));
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], events.TakeLast(3));
        var text = string.Concat(body.Split('\n').Where(l => l.Contains("text_delta", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l[6..]).RootElement.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal("mock reply to: Write a haiku about terminals please", text);

        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();
        Assert.Equal(1, stats.Totals.Requests);
        Assert.Equal(9, stats.Totals.TokensIn);
        Assert.True(stats.Totals.TokensOut > 1);
    }

    [Fact]
    public async Task Anthropic_tools_get_a_tool_use_for_the_first_tool()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var body = """{"model":"claude-haiku-4-5","max_tokens":50,"tools":[{"name":"read_file","input_schema":{"type":"object"}},{"name":"other","input_schema":{}}],"messages":[{"role":"user","content":"open it"}]}""";
        var (status, text, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", body));

        Assert.Equal(200, status);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("tool_use", root.GetProperty("stop_reason").GetString());
        var block = root.GetProperty("content")[0];
        Assert.Equal("tool_use", block.GetProperty("type").GetString());
        Assert.Equal("read_file", block.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, block.GetProperty("input").ValueKind);
    }

    [Fact]
    public async Task OpenAI_chat_completion_and_tool_calls()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, text, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions",
            """{"model":"gpt-4.1","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hello there"}]}""", bearer: true));
        var (_, tools, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions",
            """{"model":"gpt-4.1","tools":[{"type":"function","function":{"name":"get_weather","parameters":{}}}],"messages":[{"role":"user","content":"weather?"}]}""", bearer: true));

        Assert.Equal(200, status);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("mock reply to: hello there", root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(("be brief".Length + "hello there".Length + 3) / 4, root.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        var call = JsonDocument.Parse(tools).RootElement.GetProperty("choices")[0];
        Assert.Equal("tool_calls", call.GetProperty("finish_reason").GetString());
        Assert.Equal("get_weather", call.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("{}", call.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
    }

    [Fact]
    public async Task OpenAI_stream_without_include_usage_hides_the_injected_usage_but_records_it()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions",
            """{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"count to three"}]}"""));

        Assert.Equal(200, status);
        Assert.DoesNotContain("usage", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
        var content = string.Concat(body.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l[6..]).RootElement.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : ""));
        Assert.Equal("mock reply to: count to three", content);

        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();
        Assert.Equal(("count to three".Length + 3) / 4, stats.Totals.TokensIn);
        Assert.True(stats.Totals.TokensOut > 0);
    }

    [Fact]
    public async Task OpenAI_stream_with_include_usage_keeps_the_usage_chunk()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (_, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions",
            """{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Contains("\"choices\":[],\"usage\":{\"prompt_tokens\":1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_responses_endpoint_answers()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/responses", """{"model":"gpt-5","input":"summarise the diff"}"""));

        Assert.Equal(200, status);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("mock reply to: summarise the diff", root.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }
}
