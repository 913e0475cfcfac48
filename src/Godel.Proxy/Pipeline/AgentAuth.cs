// Reads the caller's token the way SDKs send it (`x-api-key` or `Authorization: Bearer`) and resolves the agent.
using System.Security.Cryptography;
using System.Text;
using Godel.Proxy.Store;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal static class AgentAuth
{
    /// <summary>The presented token, sliced from its header without copying; empty when none was sent.</summary>
    public static ReadOnlySpan<char> PresentedToken(HttpRequest request)
    {
        var apiKey = request.Headers["x-api-key"];
        if (apiKey.Count > 0 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }
        var auth = request.Headers.Authorization;
        if (auth.Count > 0 && auth[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value.AsSpan(7).Trim();
        }
        return [];
    }

    public static AgentIdentity? Agent(HttpRequest request, TokenStore tokens)
    {
        var token = PresentedToken(request);
        return token.IsEmpty ? null : tokens.Validate(token);
    }

    /// <summary>Constant-time comparison of hashes, so response timing reveals nothing about the admin token.</summary>
    public static bool IsAdmin(HttpRequest request, byte[]? adminHash)
    {
        var token = PresentedToken(request);
        if (adminHash is null || token.IsEmpty)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HashOf(token), adminHash);
    }

    public static byte[] HashOf(ReadOnlySpan<char> token)
    {
        var utf8 = new byte[Encoding.UTF8.GetByteCount(token)];
        Encoding.UTF8.GetBytes(token, utf8);
        return SHA256.HashData(utf8);
    }
}
