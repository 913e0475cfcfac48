// The environment every agent gets: the daemon's minus secrets, the runtime's, Godel's identity variables, the proxy's.
using Godel.Config.Model;

namespace Godel.Daemon.Agents;

internal static class AgentEnvironment
{
    // Variables that would confuse a child about the terminal it runs in.
    private static readonly string[] Dropped = ["TMUX", "TMUX_PANE", "STY", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLUMNS", "LINES"];

    // Provider keys the SDKs read by default: an agent gets its proxy token under these names, never the user's key.
    private static readonly string[] ProviderKeys =
    [
        "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY",
        "AZURE_OPENAI_API_KEY", "OPENROUTER_API_KEY", "MISTRAL_API_KEY", "GROQ_API_KEY", "DEEPSEEK_API_KEY", "XAI_API_KEY",
    ];

    public static Dictionary<string, string> Build(
        DaemonOptions options, RuntimeConfig runtime, string agent, string? bead, IReadOnlyDictionary<string, string> credentials)
    {
        var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        foreach (var name in Dropped.Concat(Secrets(options.Config.Proxy)))
        {
            env.Remove(name);
        }

        foreach (var (key, value) in runtime.Env)
        {
            env[key] = value;
        }

        foreach (var (key, value) in credentials)
        {
            env[key] = value;
        }

        env["GODEL_AGENT"] = agent;
        env["GODEL_BEAD"] = bead ?? "";
        env["GODEL_WORKSPACE"] = options.Workspace;
        env["GODEL_ACTOR"] = agent;
        env[Protocol.DaemonAddress.RuntimeDirVariable] = options.SocketDirectory;
        env["TERM"] = "xterm-256color";
        env["COLORTERM"] = "truecolor";
        return env;
    }

    /// <summary>Names of variables holding secrets an agent must never inherit: provider keys, the proxy's admin and client tokens.</summary>
    public static IEnumerable<string> Secrets(ProxyConfig proxy)
    {
        foreach (var name in ProviderKeys)
        {
            yield return name;
        }

        foreach (var provider in proxy.Providers.Values)
        {
            if (provider.ApiKeyEnv is { Length: > 0 } keyEnv)
            {
                yield return keyEnv;
            }
        }

        yield return proxy.AdminTokenEnv;
        yield return proxy.TokenEnv;
    }
}
