// Reads the caller's token the way SDKs send it (`x-api-key` or `Authorization: Bearer`) and resolves the agent.
using System.Security.Cryptography;
using System.Text;
using Godel.Proxy.Store;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal static class AgentAuth
{
    public static string? PresentedToken(HttpRequest request)
    {
        var apiKey = request.Headers["x-api-key"];
        if (apiKey.Count > 0 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }
        var auth = request.Headers.Authorization;
        if (auth.Count > 0 && auth[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value[7..].Trim();
        }
        return null;
    }

    public static AgentIdentity? Agent(HttpRequest request, TokenStore tokens) =>
        PresentedToken(request) is { } token ? tokens.Validate(token) : null;

    /// <summary>Constant-time comparison of hashes, so response timing reveals nothing about the admin token.</summary>
    public static bool IsAdmin(HttpRequest request, byte[]? adminHash)
    {
        if (adminHash is null || PresentedToken(request) is not { } token)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HashOf(token), adminHash);
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
