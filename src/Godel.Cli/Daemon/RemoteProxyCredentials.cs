// Remote mode (`[proxy] url`): agents get the remote proxy's URL and a token minted through its admin API.
using System.Net.Http.Json;
using System.Text.Json;
using Godel.Config.Model;
using Godel.Daemon;
using Godel.Proxy;

namespace Godel.Cli.Daemon;

internal sealed class RemoteProxyCredentials : IAgentCredentials, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _url;
    private readonly HttpClient? _admin;
    private readonly string? _sharedToken;

    /// <param name="adminToken">Mints one token per agent; without it agents share <paramref name="clientToken"/> (no per-agent attribution).</param>
    public RemoteProxyCredentials(string url, string? adminToken, string? clientToken)
    {
        _url = url.TrimEnd('/');
        _sharedToken = clientToken;
        if (!string.IsNullOrWhiteSpace(adminToken))
        {
            _admin = new HttpClient { BaseAddress = new Uri(_url + "/"), Timeout = Timeout };
            _admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
        }
    }

    public string? ProxyUrl => _url;

    /// <summary>Why agents cannot get their own tokens, or null when they can.</summary>
    public static string? Weakness(ProxyConfig config, Func<string, string?> getEnv) =>
        !string.IsNullOrWhiteSpace(getEnv(config.AdminTokenEnv)) ? null
        : !string.IsNullOrWhiteSpace(getEnv(config.TokenEnv)) ? $"{config.AdminTokenEnv} is not set: agents share the token in {config.TokenEnv}"
        : $"neither {config.AdminTokenEnv} nor {config.TokenEnv} is set: agents get the proxy URL {config.Url} without a token";

    public IReadOnlyDictionary<string, string> ForAgent(string agentName, string? bead, RuntimeConfig runtime)
    {
        var token = _admin is null ? _sharedToken ?? "" : Mint(agentName, bead);
        return AgentProxyEnvironment.For(runtime, _url, token);
    }

    public void Revoke(string agentName)
    {
        if (_admin is null)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, "admin/tokens/" + Uri.EscapeDataString(agentName));
        using var response = _admin.Send(request);
        // 404: the agent had no token left (already revoked by hand); anything else is worth a log line.
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"the proxy at {_url} answered {(int)response.StatusCode} to the revoke");
        }
    }

    // Spawning is synchronous in the daemon; a short blocking call keeps the token ready before the child starts.
    private string Mint(string agentName, string? bead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/tokens")
        {
            Content = JsonContent.Create(new { agent = agentName, bead }, options: ProxyJson.Options),
        };
        using var response = _admin!.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the proxy at {_url} answered {(int)response.StatusCode} when minting an agent token (is the admin token right?)");
        }

        using var body = JsonDocument.Parse(response.Content.ReadAsStream());
        return body.RootElement.GetProperty("token").GetString()
            ?? throw new InvalidOperationException($"the proxy at {_url} returned no token");
    }

    public void Dispose() => _admin?.Dispose();
}
