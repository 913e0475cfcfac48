// The seam where the proxy gives each agent its LLM endpoint and token; the default gives nothing.
using Godel.Config.Model;

namespace Godel.Daemon;

public interface IAgentCredentials
{
    /// <summary>The proxy agents talk to (recorded in the daemon state and status); null = no proxy.</summary>
    string? ProxyUrl => null;

    /// <summary>
    /// Environment variables for an agent about to start (e.g. ANTHROPIC_BASE_URL + ANTHROPIC_API_KEY with a token
    /// minted for it). Throws <see cref="InvalidOperationException"/> with a one-line reason when no token can be had.
    /// </summary>
    IReadOnlyDictionary<string, string> ForAgent(string agentName, string? bead, RuntimeConfig runtime);

    /// <summary>The agent ended (exit, stop, kill, before a restart, or found lost): revoke its tokens.</summary>
    void Revoke(string agentName)
    {
    }
}

/// <summary>No proxy: agents get no LLM variables from Godel.</summary>
public sealed class NoAgentCredentials : IAgentCredentials
{
    public IReadOnlyDictionary<string, string> ForAgent(string agentName, string? bead, RuntimeConfig runtime) =>
        new Dictionary<string, string>(StringComparer.Ordinal);
}
