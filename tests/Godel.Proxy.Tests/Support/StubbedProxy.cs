// A proxy whose `anthropic` and `openai` providers point at one loopback upstream stub, with fake keys.
using Godel.Config.Model;

namespace Godel.Proxy.Tests.Support;

public sealed class StubbedProxy : IAsyncDisposable
{
    private StubbedProxy(UpstreamStub stub, ProxyHarness proxy)
    {
        Stub = stub;
        Proxy = proxy;
    }

    public UpstreamStub Stub { get; }
    public ProxyHarness Proxy { get; }

    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["ANTHROPIC_KEY"] = Recordings.AnthropicKey,
        ["OPENAI_KEY"] = Recordings.OpenAIKey,
    };

    public static async Task<StubbedProxy> StartAsync(Func<ProxyConfig, ProxyConfig>? adjust = null)
    {
        var stub = await UpstreamStub.StartAsync();
        var config = ProxyHarness.With(
            ("anthropic", new ProviderConfig { Type = ProviderType.Anthropic, BaseUrl = stub.Url, ApiKeyEnv = "ANTHROPIC_KEY" }),
            ("openai", new ProviderConfig { Type = ProviderType.OpenAI, BaseUrl = stub.Url + "/v1", ApiKeyEnv = "OPENAI_KEY" }));
        config = adjust?.Invoke(config) ?? config;
        var proxy = await ProxyHarness.StartAsync(config, Keys);
        return new StubbedProxy(stub, proxy);
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
