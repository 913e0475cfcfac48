// One configured upstream provider, resolved: where it is, its key, and the client that reaches it.
using Godel.Config.Model;
using Godel.Proxy.Errors;

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

    public required HttpMessageInvoker Client { get; init; }
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

    /// <summary>Upstream URL for a path below the provider (`v1/messages`); a base ending in /v1 is not doubled.</summary>
    public Uri UpstreamUri(string path, string query)
    {
        var basePart = BaseUrl;
        if (basePart.EndsWith("/v1", StringComparison.Ordinal) && path.StartsWith("v1/", StringComparison.Ordinal))
        {
            path = path[3..];
        }
        return new Uri(string.Concat(basePart, "/", path, query));
    }
}
