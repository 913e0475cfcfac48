// The seam where the proxy gives each agent its LLM endpoint and token; the default gives nothing.
using Godel.Config.Model;

namespace Godel.Daemon;

public interface IAgentCredentials
{
    /// <summary>Environment variables to add for an agent (e.g. ANTHROPIC_BASE_URL + ANTHROPIC_API_KEY).</summary>
    IReadOnlyDictionary<string, string> ForAgent(string agentName, RuntimeConfig runtime);

    /// <summary>The agent is gone for good: revoke its token.</summary>
    void Revoke(string agentName)
    {
    }
}

/// <summary>No proxy: agents get no LLM variables from Godel.</summary>
public sealed class NoAgentCredentials : IAgentCredentials
{
    public IReadOnlyDictionary<string, string> ForAgent(string agentName, RuntimeConfig runtime) =>
        new Dictionary<string, string>(StringComparer.Ordinal);
}
