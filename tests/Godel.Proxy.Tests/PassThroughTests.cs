// Native pass-through against a recorded upstream on loopback: bytes, headers, keys, streaming, failures.
using System.Diagnostics;
using System.Net;
using System.Text;
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class PassThroughTests
{
    private const string AnthropicRequest = """{"model":"claude-sonnet-4-5","max_tokens":256,"messages":[{"role":"user","content":"Hello"}]}""";
    private const string OpenAIRequest = """{"model":"gpt-4.1","messages":[{"role":"user","content":"Hello"}]}""";

    [Fact]
    public async Task Anthropic_json_is_relayed_byte_for_byte_with_the_real_key_upstream_and_cost_recorded()
    {
        await using var s = await StubbedProxy.StartAsync();
        s.Stub.Handler = Recordings.Provider(anthropic: true);
        var request = s.Proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest);
        request.Headers.Add("anthropic-version", "2023-06-01");
        var (status, body, response) = await s.Proxy.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal(Recordings.AnthropicMessage, body);
        Assert.Equal("req_stub", response.Headers.GetValues("x-request-id").Single());
        var seen = Assert.Single(s.Stub.Seen);
        Assert.Equal("/v1/messages", seen.Path);
        Assert.Equal(Recordings.AnthropicKey, seen.Headers["x-api-key"]);
        Assert.Equal("2023-06-01", seen.Headers["anthropic-version"]);
        Assert.DoesNotContain(seen.Headers.Values, v => v.Contains(s.Proxy.Token, StringComparison.Ordinal));
        Assert.Equal(AnthropicRequest, Encoding.UTF8.GetString(seen.Body));

        await s.Proxy.Server.Admin.FlushAuditAsync();
        var stats = s.Proxy.Server.Admin.Stats();
        Assert.Equal(35, stats.Totals.TokensIn);
        Assert.Equal(15, stats.Totals.TokensOut);
        // claude-sonnet-4-5: $3/MTok in, $0.30 cache read, $15 out.
        Assert.Equal((25 * 3m + 10 * 0.30m + 15 * 15m) / 1_000_000m, stats.Totals.CostUsd);
    }

    [Fact]
    public async Task Anthropic_stream_is_identical_and_arrives_event_by_event()
    {
        await using var s = await StubbedProxy.StartAsync();
        var events = Recordings.AnthropicEvents;
        var gates = UpstreamStub.Gates(events.Count);
        s.Stub.ReplaySseLockstep(events, gates);
        var request = s.Proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest.Replace("256,", "256,\"stream\":true,", StringComparison.Ordinal));
        using var response = await s.Proxy.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var all = new StringBuilder();
        var buffer = new byte[4096];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            all.Append(Encoding.UTF8.GetString(buffer, 0, n));
            // Upstream sends the next event only after this one reached the client: no buffering, no clock.
            var received = CompleteEvents(all.ToString());
            if (received < gates.Length)
            {
                gates[received].TrySetResult();
            }
        }

        Assert.Equal(string.Concat(events), all.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        await s.Proxy.Server.Admin.FlushAuditAsync();
        Assert.Equal(15, s.Proxy.Server.Admin.Stats().Totals.TokensOut);
    }

    /// <summary>How many whole SSE events (ended by a blank line) the text holds.</summary>
    internal static int CompleteEvents(string text)
    {
        var count = 0;
        for (var at = text.IndexOf("\n\n", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\n\n", at + 2, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task OpenAI_stream_equals_a_direct_call_while_the_proxy_still_gets_usage()
    {
        await using var s = await StubbedProxy.StartAsync();
        s.Stub.Handler = Recordings.Provider(anthropic: false);
        var streaming = OpenAIRequest.Replace("\"messages\"", "\"stream\":true,\"messages\"", StringComparison.Ordinal);
        using var direct = new HttpClient();
        var directBody = await (await direct.PostAsync(s.Stub.Url + "/v1/chat/completions", new StringContent(streaming, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        while (s.Stub.Seen.TryDequeue(out _))
        {
        }
        var (status, proxied, _) = await s.Proxy.SendAsync(s.Proxy.Post("/proxy/openai/v1/chat/completions", streaming, bearer: true));

        Assert.Equal(200, status);
        Assert.Equal(directBody, proxied);
        var seen = Assert.Single(s.Stub.Seen);
        Assert.Equal("/v1/chat/completions", seen.Path);
        Assert.Equal("Bearer " + Recordings.OpenAIKey, seen.Headers["authorization"]);
        Assert.Contains("\"stream_options\":{\"include_usage\":true}", Encoding.UTF8.GetString(seen.Body), StringComparison.Ordinal);
        await s.Proxy.Server.Admin.FlushAuditAsync();
        var stats = s.Proxy.Server.Admin.Stats();
        Assert.Equal(9, stats.Totals.TokensIn);
        Assert.Equal(12, stats.Totals.TokensOut);
    }

    [Fact]
    public async Task Upstream_errors_pass_through_as_is()
    {
        await using var s = await StubbedProxy.StartAsync();
        const string overloaded = """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";
        s.Stub.Replay(Encoding.UTF8.GetBytes(overloaded), "application/json", status: 529);
        var (status, body, _) = await s.Proxy.SendAsync(s.Proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest));

        Assert.Equal(529, status);
        Assert.Equal(overloaded, body);
    }

    [Fact]
    public async Task Unreachable_upstream_is_a_502_naming_the_provider()
    {
        var closedPort = FreePort();
        await using var proxy = await ProxyHarness.StartAsync(ProxyHarness.With(
            ("anthropic", new ProviderConfig { Type = ProviderType.Anthropic, BaseUrl = $"http://127.0.0.1:{closedPort}", ApiKeyEnv = "ANTHROPIC_KEY" })), StubbedProxy.Keys);
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest));

        Assert.Equal(502, status);
        Assert.StartsWith("{\"type\":\"error\",\"error\":{\"type\":\"api_error\"", body, StringComparison.Ordinal);
        Assert.Contains("provider 'anthropic' is unreachable", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_cut_upstream_ends_with_an_error_event_and_partial_usage_is_recorded()
    {
        await using var s = await StubbedProxy.StartAsync();
        var cutAt = Recordings.AnthropicEvents.Count / 2;
        var beforeCut = string.Concat(Recordings.AnthropicEvents.Take(cutAt));
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Stub.ReplaySseThenCut(Recordings.AnthropicEvents, cutAt, cut.Task);

        var (status, body) = await ReadCutStreamAsync(s.Proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest), s.Proxy, beforeCut.Length, cut);

        Assert.Equal(200, status);
        Assert.StartsWith(beforeCut, body, StringComparison.Ordinal);
        Assert.EndsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"the stream from provider 'anthropic' ended unexpectedly; usage so far was recorded\"}}\n\n", body, StringComparison.Ordinal);
        await s.Proxy.Server.Admin.FlushAuditAsync();
        var stats = s.Proxy.Server.Admin.Stats();
        Assert.Equal(35, stats.Totals.TokensIn);
        Assert.Equal(1, stats.Totals.Errors);
    }

    [Fact]
    public async Task An_openai_stream_cut_upstream_ends_with_an_openai_error_chunk_and_is_recorded_with_estimated_usage()
    {
        await using var s = await StubbedProxy.StartAsync();
        var events = Recordings.OpenAIChunks(includeUsage: true);
        const int cutAt = 2;
        // Without include_usage from the client the proxy strips `"usage":null`: compare what the client sees.
        var beforeCut = string.Concat(Recordings.OpenAIChunks(includeUsage: false).Take(cutAt));
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Stub.ReplaySseThenCut(events, cutAt, cut.Task);
        var streaming = OpenAIRequest.Replace("\"messages\"", "\"stream\":true,\"messages\"", StringComparison.Ordinal);

        var (status, body) = await ReadCutStreamAsync(s.Proxy.Post("/proxy/openai/v1/chat/completions", streaming, bearer: true), s.Proxy, beforeCut.Length, cut);

        Assert.Equal(200, status);
        Assert.StartsWith(beforeCut, body, StringComparison.Ordinal);
        Assert.EndsWith("data: {\"error\":{\"message\":\"the stream from provider 'openai' ended unexpectedly; usage so far was recorded\",\"type\":\"api_error\",\"code\":\"upstream_unreachable\"}}\n\n", body, StringComparison.Ordinal);
        await s.Proxy.Server.Admin.FlushAuditAsync();
        var stats = s.Proxy.Server.Admin.Stats();
        Assert.Equal(1, stats.Totals.Requests);
        Assert.Equal(1, stats.Totals.Errors);
        // OpenAI reports usage only in its last chunk, which never came: the prompt at 4 bytes a token and one
        // token per content event seen (the role chunk, then one delta), not a free request.
        Assert.Equal(Encoding.UTF8.GetByteCount(streaming) / 4, stats.Totals.TokensIn);
        Assert.Equal(1, stats.Totals.TokensOut);
        Assert.True(stats.Totals.CostUsd > 0);
    }

    [Fact]
    public async Task A_client_leaving_mid_stream_cancels_the_upstream_request_and_usage_is_recorded()
    {
        await using var s = await StubbedProxy.StartAsync();
        var events = Recordings.AnthropicEvents.Take(1).Concat(Enumerable.Repeat(Recordings.AnthropicEvents[3], 200)).ToList();
        s.Stub.ReplaySse(events, pauseMs: 50);
        var request = s.Proxy.Post("/proxy/anthropic/v1/messages", AnthropicRequest);
        var response = await s.Proxy.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        Assert.True(await stream.ReadAsync(new byte[1024]) > 0);
        response.Dispose();

        var aborted = await Task.WhenAny(s.Stub.Aborted.Task, Task.Delay(10_000));
        Assert.Same(s.Stub.Aborted.Task, aborted);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        Store.ProxyStats stats;
        do
        {
            await Task.Delay(50);
            await s.Proxy.Server.Admin.FlushAuditAsync();
            stats = s.Proxy.Server.Admin.Stats();
        }
        while (stats.Totals.Requests == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(35, stats.Totals.TokensIn);
        var row = Assert.Single(stats.Agents);
        Assert.Equal(1, row.Errors);
    }

    [Fact]
    public async Task Two_hundred_concurrent_streams_all_complete()
    {
        await using var proxy = await ProxyHarness.StartAsync(ProxyHarness.With(("slowmock", new ProviderConfig { Type = ProviderType.Mock, MockLatencyMs = 20 })));
        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/slowmock/v1/messages",
                $$"""{"model":"claude-haiku-4-5","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"stream {{i}}"}]}"""));
            return status == 200 && body.Contains($"\"text\":\" {i}\"", StringComparison.Ordinal) && body.EndsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n", StringComparison.Ordinal);
        });
        var results = await Task.WhenAll(tasks);

        Assert.All(results, Assert.True);
        await proxy.Server.Admin.FlushAuditAsync();
        Assert.Equal(200, proxy.Server.Admin.Stats().Totals.Requests);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Reads the whole response, letting the upstream cut its stream only once the client holds the events before the
    // cut: Kestrel's Abort drops output its socket writer has not sent yet, so a timed cut lost events on a busy machine.
    private static async Task<(int Status, string Body)> ReadCutStreamAsync(HttpRequestMessage request, ProxyHarness proxy, int lengthBeforeCut, TaskCompletionSource cut)
    {
        using var response = await proxy.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var received = new StringBuilder();
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            received.Append(buffer, 0, n);
            if (received.Length >= lengthBeforeCut)
            {
                cut.TrySetResult();
            }
        }

        return ((int)response.StatusCode, received.ToString());
    }
}
