// The official `openai` and `@anthropic-ai/sdk` npm packages, and curl, against the proxy.
using System.Diagnostics;
using System.Text.Json;
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class ClientSdkTests
{
    private static NodeClients.Job Job(string sdk, string mode, string baseUrl, string key, string model = "claude-sonnet-4-5", string prompt = "Hello") =>
        new(sdk, mode, baseUrl, key, model, prompt);

    [SkippableFact]
    public async Task Anthropic_sdk_through_the_proxy_sees_exactly_what_a_direct_call_sees()
    {
        var js = NodeClients.Folder();
        Skip.If(js is null, NodeClients.InstallHint);
        await using var s = await StubbedProxy.StartAsync();
        s.Stub.Handler = Recordings.Provider(anthropic: true);
        var proxied = s.Proxy.Server.BaseUrl + "/proxy/anthropic";

        var results = await NodeClients.RunAsync(js!,
            Job("anthropic", "json", s.Stub.Url, Recordings.AnthropicKey), Job("anthropic", "json", proxied, s.Proxy.Token),
            Job("anthropic", "stream", s.Stub.Url, Recordings.AnthropicKey), Job("anthropic", "stream", proxied, s.Proxy.Token));

        Assert.All(results, r => Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString()));
        Assert.Equal(results[0].ToString(), results[1].ToString());
        Assert.Equal(results[2].ToString(), results[3].ToString());
        // Eight recorded events; the SDK drops `ping`.
        Assert.Equal(7, results[3].GetProperty("value").GetArrayLength());
    }

    [SkippableFact]
    public async Task OpenAI_sdk_through_the_proxy_sees_exactly_what_a_direct_call_sees()
    {
        var js = NodeClients.Folder();
        Skip.If(js is null, NodeClients.InstallHint);
        await using var s = await StubbedProxy.StartAsync();
        s.Stub.Handler = Recordings.Provider(anthropic: false);
        var direct = s.Stub.Url + "/v1";
        var proxied = s.Proxy.Server.BaseUrl + "/proxy/openai/v1";

        var modes = new[] { "json", "stream", "stream-usage" };
        var jobs = modes.SelectMany(m => new[] { Job("openai", m, direct, Recordings.OpenAIKey, "gpt-4.1"), Job("openai", m, proxied, s.Proxy.Token, "gpt-4.1") });
        var results = await NodeClients.RunAsync(js!, [.. jobs]);

        Assert.All(results, r => Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString()));
        for (var i = 0; i < results.Count; i += 2)
        {
            Assert.Equal(results[i].ToString(), results[i + 1].ToString());
        }
        Assert.DoesNotContain("usage", results[3].ToString(), StringComparison.Ordinal);
        Assert.Contains("\"prompt_tokens\":9", results[5].ToString(), StringComparison.Ordinal);
        await s.Proxy.Server.Admin.FlushAuditAsync();
        // All three proxied calls counted, including the stream whose client never asked for usage.
        Assert.Equal(3 * 9 + 19 - 9, s.Proxy.Server.Admin.Stats().Totals.TokensIn);
    }

    [SkippableFact]
    public async Task Both_sdks_work_against_the_built_in_mock_streaming_and_tools_included()
    {
        var js = NodeClients.Folder();
        Skip.If(js is null, NodeClients.InstallHint);
        await using var proxy = await ProxyHarness.StartAsync();
        var anthropicUrl = proxy.Server.BaseUrl + "/proxy/mock";
        var openaiUrl = proxy.Server.BaseUrl + "/proxy/mock/v1";
        var t = proxy.Token;

        var r = await NodeClients.RunAsync(js!,
            Job("anthropic", "json", anthropicUrl, t, prompt: "fix the flaky test"),
            Job("anthropic", "helper", anthropicUrl, t, prompt: "fix the flaky test"),
            Job("anthropic", "tools", anthropicUrl, t),
            Job("openai", "json", openaiUrl, t, "gpt-4.1", "fix the flaky test"),
            Job("openai", "stream", openaiUrl, t, "gpt-4.1", "fix the flaky test"),
            Job("openai", "tools", openaiUrl, t, "gpt-4.1"),
            Job("openai", "responses", openaiUrl, t, "gpt-5", "fix the flaky test"),
            Job("openai", "json", openaiUrl, "gdl_wrong", "gpt-4.1"));

        const string reply = "mock reply to: fix the flaky test";
        Assert.Equal(reply, r[0].GetProperty("value").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(reply, r[1].GetProperty("value").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("read_file", r[2].GetProperty("value").GetProperty("content")[0].GetProperty("name").GetString());
        Assert.Equal(reply, r[3].GetProperty("value").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        var streamed = string.Concat(r[4].GetProperty("value").EnumerateArray().Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : ""));
        Assert.Equal(reply, streamed);
        Assert.Equal("read_file", r[5].GetProperty("value").GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(reply, r[6].GetProperty("value").GetProperty("output_text").GetString());
        Assert.False(r[7].GetProperty("ok").GetBoolean());
        Assert.Equal(401, r[7].GetProperty("status").GetInt32());
    }

    [SkippableFact]
    public async Task Both_sdks_reach_the_native_routes_with_the_embedded_default_config()
    {
        var js = NodeClients.Folder();
        Skip.If(js is null, NodeClients.InstallHint);
        // The default config names no `anthropic` or `openai` provider, only `mock`: the native routes still answer.
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig());
        var anthropicUrl = proxy.Server.BaseUrl + "/proxy/anthropic";
        var openaiUrl = proxy.Server.BaseUrl + "/proxy/openai/v1";
        var t = proxy.Token;

        var r = await NodeClients.RunAsync(js!,
            Job("anthropic", "json", anthropicUrl, t, prompt: "native anthropic"),
            Job("anthropic", "stream", anthropicUrl, t, prompt: "native anthropic"),
            Job("openai", "json", openaiUrl, t, "gpt-4.1", "native openai"),
            Job("openai", "stream", openaiUrl, t, "gpt-4.1", "native openai"),
            Job("openai", "responses", openaiUrl, t, "gpt-5", "native responses"),
            // The SDKs' stream helpers rebuild the reply from the events (Codex streams the Responses API so).
            Job("openai", "responses-helper", openaiUrl, t, "gpt-5", "native responses"),
            Job("openai", "chat-helper", openaiUrl, t, "gpt-4.1", "native openai"),
            Job("openai", "responses-tools", openaiUrl, t, "gpt-5", "native responses"));

        Assert.All(r, x => Assert.True(x.GetProperty("ok").GetBoolean(), x.ToString()));
        Assert.Equal("mock reply to: native anthropic", r[0].GetProperty("value").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("message_stop", r[1].GetProperty("value").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal("mock reply to: native openai", r[2].GetProperty("value").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        var streamed = string.Concat(r[3].GetProperty("value").EnumerateArray().Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : ""));
        Assert.Equal("mock reply to: native openai", streamed);
        Assert.Equal("mock reply to: native responses", r[4].GetProperty("value").GetProperty("output_text").GetString());
        Assert.Equal("mock reply to: native responses", r[5].GetProperty("value").GetProperty("output_text").GetString());
        Assert.Equal("mock reply to: native openai", r[6].GetProperty("value").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        await proxy.Server.Admin.FlushAuditAsync();
        var call = r[7].GetProperty("value").GetProperty("output")[0];
        Assert.Equal(("function_call", "read_file", "{}"), (call.GetProperty("type").GetString(), call.GetProperty("name").GetString(), call.GetProperty("arguments").GetString()));
        Assert.Equal(8, proxy.Server.Admin.Stats().Totals.Requests);
        Assert.All(proxy.Server.Admin.Stats().Models, m => Assert.StartsWith("mock/", m.Name, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Curl_sees_sse_events_arrive_one_by_one()
    {
        Skip.IfNot(Tool.Exists("curl"), "curl not installed: apt-get install curl");
        await using var s = await StubbedProxy.StartAsync();
        var events = Recordings.AnthropicEvents;
        var gates = UpstreamStub.Gates(events.Count);
        s.Stub.ReplaySseLockstep(events, gates);
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-sN", "-H", "x-api-key: " + s.Proxy.Token, "-H", "content-type: application/json", "-d",
            """{"model":"claude-sonnet-4-5","max_tokens":9,"stream":true,"messages":[{"role":"user","content":"hi"}]}""",
            s.Proxy.Server.BaseUrl + "/proxy/anthropic/v1/messages" })
        {
            start.ArgumentList.Add(arg);
        }
        using var curl = Process.Start(start)!;
        var seen = new List<string>();
        while (await curl.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                seen.Add(line);
            }
            // The blank line ends an event: only now may upstream send the next one (a buffering proxy would stall here).
            if (line.Length == 0 && seen.Count < gates.Length)
            {
                gates[seen.Count].TrySetResult();
            }
        }
        await curl.WaitForExitAsync();

        Assert.Equal(8, seen.Count);
        Assert.Equal("event: message_stop", seen[^1]);
    }
}
