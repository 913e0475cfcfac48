// The proxy variables for one agent's runtime: the proxy's standard set, adjusted where a runtime would stall on it.
using Godel.Config.Model;
using Godel.Proxy;

namespace Godel.Cli.Daemon;

internal static class AgentProxyEnvironment
{
    public static IReadOnlyDictionary<string, string> For(RuntimeConfig runtime, string baseUrl, string token)
    {
        var env = new Dictionary<string, string>(ProxyEnvironment.ForAgent(runtime.ProxyApi, baseUrl, token), StringComparer.Ordinal);
        var command = Path.GetFileName(runtime.Command);
        if (command == "opencode")
        {
            // opencode's Anthropic client appends `/messages` to the base URL (it expects `…/v1`), unlike Claude Code
            // and the official SDKs, which append `/v1/messages` (seen with opencode 1.18.33).
            env["ANTHROPIC_BASE_URL"] += "/v1";
        }

        if (command == "claude")
        {
            // Claude Code stops at start on "Detected a custom API key… Do you want to use this API key?" when
            // ANTHROPIC_API_KEY is set (seen with 2.1.197), which would leave the agent waiting on a dialog. With
            // ANTHROPIC_AUTH_TOKEN alone it starts straight away and sends the token as `Authorization: Bearer`.
            env.Remove("ANTHROPIC_API_KEY");
        }

        return env;
    }
}
