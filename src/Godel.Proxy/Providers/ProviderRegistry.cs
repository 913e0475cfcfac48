// Builds every provider from [proxy.providers], resolving keys once at start-up and sharing one upstream client.
using Godel.Config.Model;
using Godel.Proxy.Upstream;

namespace Godel.Proxy.Providers;

/// <summary>Name → provider. Real providers share one <see cref="Http11Client"/> (a connection pool each); the mock is served in-process.</summary>
internal sealed class ProviderRegistry : IDisposable
{
    private readonly Dictionary<string, ProviderEntry> _providers;
    private readonly Http11Client _network;
    private readonly ProviderEntry? _nativeAnthropic;
    private readonly ProviderEntry? _nativeOpenAI;

    public ProviderRegistry(ProxyConfig config, Func<string, string?> getEnv, Http11ClientOptions? options = null)
    {
        _network = new Http11Client(options ?? new Http11ClientOptions());
        _providers = new Dictionary<string, ProviderEntry>(StringComparer.Ordinal);
        foreach (var (name, provider) in config.Providers)
        {
            _providers[name] = Build(name, provider, _network, getEnv);
        }
        _nativeAnthropic = NativeFallback(ProviderType.Anthropic);
        _nativeOpenAI = NativeFallback(ProviderType.OpenAI);
    }

    public bool TryGet(string name, out ProviderEntry provider) => _providers.TryGetValue(name, out provider!);

    /// <summary>
    /// The provider for `/proxy/{name}/{path}`: the one named so; failing that, on the native routes only
    /// (`anthropic` + `v1/messages`, `openai` + `v1/chat/completions`, `v1/responses` or `v1/models`), the first configured
    /// provider of that type, else the first mock (it speaks both formats). So the embedded default config
    /// (one provider, `mock`) answers the SDKs' standard paths. Any other path stays exact by name.
    /// </summary>
    public bool TryResolve(string name, string path, out ProviderEntry provider)
    {
        if (_providers.TryGetValue(name, out provider!))
        {
            return true;
        }
        provider = NativeRoute(name, path) switch
        {
            ProviderType.Anthropic => _nativeAnthropic!,
            ProviderType.OpenAI => _nativeOpenAI!,
            _ => null!,
        };
        return provider is not null;
    }

    /// <summary>Which provider type a native route asks for, or null when (name, path) is not one.</summary>
    internal static ProviderType? NativeRoute(string name, string path) => name switch
    {
        "anthropic" when path == "v1/messages" => ProviderType.Anthropic,
        // v1/models too: OpenAI-speaking tools (aider, opencode) list models at start-up.
        "openai" when path is "v1/chat/completions" or "v1/responses" or "v1/models" => ProviderType.OpenAI,
        _ => null,
    };

    /// <summary>Dictionary order is configuration order here (built by inserting, never removing).</summary>
    private ProviderEntry? NativeFallback(ProviderType type) =>
        _providers.Values.FirstOrDefault(p => p.Type == type) ?? _providers.Values.FirstOrDefault(p => p.IsMock);

    public IEnumerable<ProviderEntry> All => _providers.Values;

    public void Dispose()
    {
        _network.Dispose();
        foreach (var provider in _providers.Values)
        {
            (provider.Upstream as MockUpstream)?.Dispose();
        }
    }

    private static ProviderEntry Build(string name, ProviderConfig config, Http11Client network, Func<string, string?> getEnv)
    {
        if (config.Type == ProviderType.Mock)
        {
            return new ProviderEntry
            {
                Name = name, Type = config.Type, BaseUrl = "mock://" + name, Config = config,
                Upstream = new MockUpstream(config.MockLatencyMs),
            };
        }
        var (key, problem) = ResolveKey(name, config, getEnv);
        var baseUrl = (config.BaseUrl ?? DefaultBaseUrl(config.Type)).TrimEnd('/');
        if (!network.TryAddOrigin(baseUrl, out var origin, out var error))
        {
            throw new ArgumentException($"[proxy.providers.{name}] {error}", nameof(config));
        }
        return new ProviderEntry
        {
            Name = name, Type = config.Type, Config = config, Upstream = network, Origin = origin,
            BaseUrl = baseUrl, ApiKey = key, KeyProblem = problem,
        };
    }

    private static string DefaultBaseUrl(ProviderType type) => type switch
    {
        ProviderType.Anthropic => "https://api.anthropic.com",
        ProviderType.OpenAI => "https://api.openai.com",
        _ => "http://127.0.0.1",
    };

    /// <summary>Reads the key from the named variable or file. Problems name the source, never the value.</summary>
    private static (string? Key, string? Problem) ResolveKey(string name, ProviderConfig config, Func<string, string?> getEnv)
    {
        var (key, problem) = ReadKey(name, config, getEnv);
        // The key goes into a header line as it is: a line break inside it would end the header early.
        if (key is not null && key.AsSpan().ContainsAnyInRange('\0', '\x1f'))
        {
            var source = config.ApiKeyEnv is { Length: > 0 } env ? $"environment variable {env}" : config.ApiKeyFile;
            return (null, $"provider '{name}' has an unusable API key: {source} holds a control character (a line break?) inside the key");
        }
        return (key, problem);
    }

    private static (string? Key, string? Problem) ReadKey(string name, ProviderConfig config, Func<string, string?> getEnv)
    {
        if (config.ApiKeyEnv is { Length: > 0 } env)
        {
            var value = getEnv(env);
            return string.IsNullOrWhiteSpace(value)
                ? (null, $"provider '{name}' has no API key: environment variable {env} is not set on the proxy")
                : (value.Trim(), null);
        }
        if (config.ApiKeyFile is { Length: > 0 } file)
        {
            try
            {
                var value = File.ReadAllText(file).Trim();
                return value.Length == 0 ? (null, $"provider '{name}' has no API key: {file} is empty") : (value, null);
            }
            catch (IOException e)
            {
                return (null, $"provider '{name}' has no API key: cannot read {file} ({e.GetType().Name})");
            }
            catch (UnauthorizedAccessException)
            {
                return (null, $"provider '{name}' has no API key: {file} is not readable");
            }
        }
        // openai-compatible servers (local models) often need no key.
        return config.Type == ProviderType.OpenAICompatible
            ? (null, null)
            : (null, $"provider '{name}' has no API key: set api_key_env or api_key_file in [proxy.providers.{name}]");
    }
}
