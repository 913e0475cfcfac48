// Bad requests get JSON errors in the caller's provider format, never a stack trace.
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class BadInputTests
{
    [Fact]
    public async Task Malformed_json_is_400_in_anthropic_shape_on_a_messages_route()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", """{"model":"x", "messages": [}"""));

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("malformed JSON", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_400_in_openai_shape_on_a_chat_route()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", "not json"));

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/proxy/anthropic/v1/messages", true)]
    [InlineData("/proxy/openai/v1/chat/completions", false)]
    public async Task Malformed_json_sent_as_a_form_the_way_curl_d_does_is_400_not_an_upstream_failure(string path, bool anthropic)
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var request = proxy.Post(path, """{"model":""", bearer: !anthropic);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var (status, body, _) = await proxy.SendAsync(request);

        Assert.Equal(400, status);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(anthropic, root.TryGetProperty("type", out _));
        Assert.Contains("malformed JSON at byte", root.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proxy/anthropic/v1/messages", true)]
    [InlineData("/proxy/openai/v1/chat/completions", false)]
    [InlineData("/proxy/openai/v1/responses", false)]
    public async Task An_empty_body_gets_the_mocks_400_in_the_routes_own_shape(string path, bool anthropic)
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post(path, "", bearer: !anthropic));

        Assert.Equal(400, status);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(anthropic, root.TryGetProperty("type", out _));
        Assert.Equal("invalid_request_error", root.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_json_array_is_400_saying_an_object_is_needed()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/anthropic/v1/messages", "[1]"));

        Assert.Equal(400, status);
        Assert.Equal("malformed JSON: the body must be a JSON object", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/proxy/anthropic/v1/messages", Errors.ErrorShape.Anthropic)]
    [InlineData("/proxy/mock/v1/messages", Errors.ErrorShape.Anthropic)]
    [InlineData("/proxy/v1/chat/completions", Errors.ErrorShape.OpenAI)]
    [InlineData("/proxy/openai/v1/responses", Errors.ErrorShape.OpenAI)]
    public void The_proxys_own_500_takes_the_shape_of_the_route(string path, Errors.ErrorShape shape) =>
        Assert.Equal(shape, Errors.ErrorShapes.ForPath(path));

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_or_not_its_length_is_declared()
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig { MaxBodyBytes = 1000 });
        var big = $$"""{"model":"m","messages":[{"role":"user","content":"{{new string('x', 2000)}}"}]}""";
        var (declared, body, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", big));
        var chunked = proxy.Post("/proxy/mock/v1/messages", "");
        chunked.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var (streamed, _, _) = await proxy.SendAsync(chunked);

        Assert.Equal(413, declared);
        Assert.Equal(413, streamed);
        Assert.Contains("max_body_bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_is_404_saying_how_to_configure_it()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/nosuch/v1/chat/completions", "{}"));

        Assert.Equal(404, status);
        Assert.Contains("[proxy.providers.nosuch]", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gdl_not-a-real-token")]
    [InlineData("sk-something-else")]
    public async Task Missing_or_invalid_token_is_401(string? token)
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/proxy/mock/v1/messages") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("x-api-key", token);
        }
        var (status, body, _) = await proxy.SendAsync(request);

        Assert.Equal(401, status);
        Assert.Equal("authentication_error", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_its_key_is_502_naming_the_variable_not_a_value()
    {
        await using var proxy = await ProxyHarness.StartAsync(ProxyHarness.With(
            ("openai", new ProviderConfig { Type = ProviderType.OpenAI, BaseUrl = "http://127.0.0.1:9", ApiKeyEnv = "MISSING_KEY_VAR" })));
        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/openai/v1/chat/completions", """{"model":"gpt-4.1","messages":[]}"""));

        Assert.Equal(502, status);
        Assert.Contains("MISSING_KEY_VAR", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_from_api_key_file_reaches_upstream_and_an_unreadable_file_is_a_502_naming_the_file()
    {
        using var dir = new TempDir();
        const string key = "sk-ant-from-a-file-0123456789";
        File.WriteAllText(dir.File("anthropic.key"), key + "\n");
        await using var stub = await UpstreamStub.StartAsync();
        stub.Replay(Encoding.UTF8.GetBytes(Recordings.AnthropicMessage), "application/json");
        await using var proxy = await ProxyHarness.StartAsync(ProxyHarness.With(
            ("anthropic", new ProviderConfig { Type = ProviderType.Anthropic, BaseUrl = stub.Url, ApiKeyFile = dir.File("anthropic.key") }),
            ("gone", new ProviderConfig { Type = ProviderType.Anthropic, BaseUrl = stub.Url, ApiKeyFile = dir.File("missing.key") })));
        const string ask = """{"model":"claude-sonnet-4-5","max_tokens":9,"messages":[{"role":"user","content":"hi"}]}""";

        var (ok, _, _) = await proxy.SendAsync(proxy.Post("/proxy/anthropic/v1/messages", ask));
        var (missing, body, _) = await proxy.SendAsync(proxy.Post("/proxy/gone/v1/messages", ask));

        Assert.Equal(200, ok);
        Assert.Equal(key, Assert.Single(stub.Seen).Headers["x-api-key"]);
        Assert.Equal(502, missing);
        Assert.Contains("missing.key", body, StringComparison.Ordinal);
        Assert.Equal("api_error", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("type").GetString());
    }
}
