// A remote proxy reached through its admin API (`[proxy] url` + the admin token from the environment).
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Godel.Proxy;
using Godel.Proxy.Store;

namespace Godel.Cli.Proxy;

internal sealed class RemoteProxyBackend : IProxyBackend
{
    private readonly HttpClient _http;

    public RemoteProxyBackend(string url, string adminToken)
    {
        Where = url.TrimEnd('/');
        _http = new HttpClient { BaseAddress = new Uri(Where + "/"), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    }

    public string Where { get; }

    public async Task<string> MintAsync(string agent, string? bead, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync("admin/tokens", new { agent, bead }, ProxyJson.Options, cancellationToken)).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        return body.GetProperty("token").GetString()!;
    }

    public Task<IReadOnlyList<TokenInfo>> ListAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<TokenInfo>>("admin/tokens", cancellationToken);

    public async Task<int> RevokeAsync(string agent, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.DeleteAsync("admin/tokens/" + Uri.EscapeDataString(agent), cancellationToken)).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false)).GetProperty("revoked").GetInt32();
    }

    public Task<ProxyStats> StatsAsync(DateTimeOffset? since, string? agent, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (since is { } s) query.Add("since=" + Uri.EscapeDataString(s.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        if (agent is not null) query.Add("agent=" + Uri.EscapeDataString(agent));
        return GetAsync<ProxyStats>("admin/stats" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<SearchHit>>($"admin/search?q={Uri.EscapeDataString(text)}&limit={limit}", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(path, cancellationToken)).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<T>(ProxyJson.Options, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Turns transport failures and error statuses into one-line CLI errors.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the proxy at {Where}: {e.Message}");
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        var message = await ErrorMessageAsync(response).ConfigureAwait(false);
        response.Dispose();
        throw new CliException(response.StatusCode == HttpStatusCode.Unauthorized
            ? $"the proxy at {Where} refused the admin token: {message}"
            : $"the proxy at {Where} answered {(int)response.StatusCode}: {message}");
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("message").GetString() ?? text;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
