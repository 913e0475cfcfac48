// The native routes (`/proxy/anthropic/v1/messages`, `/proxy/openai/v1/chat/completions|responses`) resolve by name, then type, then mock.
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class NativeRouteTests
{
    private const string AnthropicBody = """{"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi there"}]}""";
    private const string OpenAIBody = """{"model":"gpt-4.1","messages":[{"role":"user","content":"hi there"}]}""";

    [Theory]
    [InlineData("/proxy/anthropic/v1/messages", AnthropicBody, "\"type\":\"message\"")]
    [InlineData("/proxy/openai/v1/chat/completions", OpenAIBody, "\"object\":\"chat.completion\"")]
    [InlineData("/proxy/openai/v1/responses", """{"model":"gpt-5","input":"hi there"}""", "\"object\":\"response\"")]
    public async Task With_only_the_default_mock_the_native_routes_answer_from_it(string path, string body, string expected)
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig());
        var (status, reply, _) = await proxy.SendAsync(proxy.Post(path, body));

        Assert.Equal(200, status);
        Assert.Contains("mock reply to: hi there", reply, StringComparison.Ordinal);
        Assert.Contains(expected, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_of_the_right_type_under_another_name_is_preferred_to_the_mock()
    {
        await using var stub = await UpstreamStub.StartAsync();
        stub.Handler = Recordings.Provider(anthropic: true);
        var config = ProxyHarness.With(("claude", new ProviderConfig { Type = ProviderType.Anthropic, BaseUrl = stub.Url, ApiKeyEnv = "ANTHROPIC_KEY" }));
        await using var proxy = await ProxyHarness.StartAsync(config, StubbedProxy.Keys);

        var (status, _, _) = await proxy.SendAsync(proxy.Post("/proxy/anthropic/v1/messages", AnthropicBody));

        Assert.Equal(200, status);
        var seen = Assert.Single(stub.Seen);
        Assert.Equal("/v1/messages", seen.Path);
        Assert.Equal(Recordings.AnthropicKey, seen.Headers["x-api-key"]);
        await proxy.Server.Admin.FlushAuditAsync();
        Assert.Equal("claude/claude-sonnet-4-5", Assert.Single(proxy.Server.Admin.Stats().Models).Name);
    }

    [Fact]
    public async Task A_provider_named_like_the_route_wins_over_one_of_the_same_type()
    {
        await using var named = await UpstreamStub.StartAsync();
        await using var other = await UpstreamStub.StartAsync();
        named.Handler = other.Handler = Recordings.Provider(anthropic: false);
        var config = ProxyHarness.With(
            ("first", new ProviderConfig { Type = ProviderType.OpenAI, BaseUrl = other.Url, ApiKeyEnv = "OPENAI_KEY" }),
            ("openai", new ProviderConfig { Type = ProviderType.OpenAI, BaseUrl = named.Url, ApiKeyEnv = "OPENAI_KEY" }));
        await using var proxy = await ProxyHarness.StartAsync(config, StubbedProxy.Keys);

        var (status, _, _) = await proxy.SendAsync(proxy.Post("/proxy/openai/v1/chat/completions", OpenAIBody));

        Assert.Equal(200, status);
        Assert.Single(named.Seen);
        Assert.Empty(other.Seen);
    }

    [Fact]
    public async Task The_default_config_lists_models_on_the_openai_route()
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/proxy/openai/v1/models");
        request.Headers.Add("x-api-key", proxy.Token);

        var (status, body, _) = await proxy.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Contains("\"id\":\"mock\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proxy/anthropic/v1/models")]
    [InlineData("/proxy/openai/v1/embeddings")]
    [InlineData("/proxy/claude/v1/messages")]
    public async Task Other_paths_stay_exact_by_provider_name(string path)
    {
        await using var proxy = await ProxyHarness.StartAsync(new ProxyConfig());
        var (status, body, _) = await proxy.SendAsync(proxy.Post(path, OpenAIBody));

        Assert.Equal(404, status);
        Assert.Contains("unknown provider", body, StringComparison.Ordinal);
    }
}
