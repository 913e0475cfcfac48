// One configured upstream provider, resolved: where it is, its key, and the client that reaches it.
using Godel.Config.Model;
using Godel.Proxy.Errors;
using Godel.Proxy.Upstream;

namespace Godel.Proxy.Providers;

/// <summary>A provider ready for requests. The key lives only here and in the outgoing header.</summary>
internal sealed class ProviderEntry
{
    public required string Name { get; init; }
    public required ProviderType Type { get; init; }

    /// <summary>Origin (and optional base path) without a trailing slash, e.g. `https://api.anthropic.com`.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Null when none is configured (mock) or the configured variable/file is missing.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Why <see cref="ApiKey"/> is missing although the provider needs one (never contains the key).</summary>
    public string? KeyProblem { get; init; }

    /// <summary>Sends this provider's calls: the shared network client, or the in-process mock.</summary>
    public required IUpstreamClient Upstream { get; init; }

    /// <summary>Host, port and base path of <see cref="BaseUrl"/>; null for the mock.</summary>
    public UpstreamOrigin? Origin { get; init; }
    public required ProviderConfig Config { get; init; }

    public bool IsMock => Type == ProviderType.Mock;

    /// <summary>Whether the routed (OpenAI chat) endpoint may send requests here unchanged.</summary>
    public bool SpeaksOpenAIChat => Type is ProviderType.OpenAI or ProviderType.OpenAICompatible or ProviderType.Mock;

    /// <summary>Error format for a request to <paramref name="path"/> on this provider.</summary>
    public ErrorShape ShapeFor(string path) => Type switch
    {
        ProviderType.Anthropic => ErrorShape.Anthropic,
        ProviderType.Mock when path.EndsWith("messages", StringComparison.Ordinal) => ErrorShape.Anthropic,
        _ => ErrorShape.OpenAI,
    };
}
