// The environment variables an agent gets so its SDK talks to the proxy with its own token, never a provider key.
using Godel.Config.Model;

namespace Godel.Proxy;

public static class ProxyEnvironment
{
    /// <summary>
    /// Variables for a runtime speaking <paramref name="api"/>. Both Anthropic and OpenAI variables are set
    /// whatever the runtime's API (tools often call both); Gemini gets the OpenAI-compatible route.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForAgent(ProxyApi api, string baseUrl, string token)
    {
        var root = baseUrl.TrimEnd('/');
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ANTHROPIC_BASE_URL"] = root + "/proxy/anthropic",
            ["ANTHROPIC_API_KEY"] = token,
            ["ANTHROPIC_AUTH_TOKEN"] = token,
            ["OPENAI_BASE_URL"] = root + "/proxy/openai/v1",
            ["OPENAI_API_KEY"] = token,
            // Older tools (aider, LiteLLM-based ones) read the pre-1.0 SDK's name.
            ["OPENAI_API_BASE"] = root + "/proxy/openai/v1",
            ["GODEL_PROXY_URL"] = root,
            ["GODEL_PROXY_TOKEN"] = token,
        };
        if (api == ProxyApi.Gemini)
        {
            env["GOOGLE_GEMINI_BASE_URL"] = root + "/proxy/gemini";
            env["GEMINI_API_KEY"] = token;
        }
        return env;
    }
}
