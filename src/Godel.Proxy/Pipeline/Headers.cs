// Header copying between client and upstream: hop-by-hop headers and credentials never cross.
using System.Net.Http.Headers;
using Godel.Config.Model;
using Godel.Proxy.Providers;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal static class Headers
{
    /// <summary>Request headers not forwarded: hop-by-hop (RFC 9110 §7.6.1), the agent's token, and encodings we must read.</summary>
    private static readonly HashSet<string> SkipRequest = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Content-Length", "Authorization", "x-api-key", "Accept-Encoding", "Expect",
    };

    private static readonly HashSet<string> SkipResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    public static void CopyRequest(HttpRequest from, HttpRequestMessage to, ProviderEntry provider)
    {
        foreach (var (name, values) in from.Headers)
        {
            if (SkipRequest.Contains(name))
            {
                continue;
            }
            HttpHeaders? target = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) ? to.Content?.Headers : to.Headers;
            if (values.Count == 1)
            {
                // The common case, without boxing StringValues into an enumerable.
                target?.TryAddWithoutValidation(name, values[0]);
            }
            else
            {
                target?.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        if (provider.ApiKey is { } key)
        {
            if (provider.Type == ProviderType.Anthropic)
            {
                to.Headers.TryAddWithoutValidation("x-api-key", key);
            }
            else
            {
                to.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
        }
    }

    public static void CopyResponse(HttpResponseMessage from, HttpResponse to, bool keepLength)
    {
        to.StatusCode = (int)from.StatusCode;
        Copy(from.Headers, to, keepLength);
        Copy(from.Content.Headers, to, keepLength);
    }

    private static void Copy(HttpHeaders headers, HttpResponse to, bool keepLength)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (SkipResponse.Contains(name) || (!keepLength && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            to.Headers[name] = values.Count == 1 ? values.ToString() : values.ToArray();
        }
    }
}
