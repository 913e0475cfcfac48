// Starts a real proxy on loopback with a temp database, and an HttpClient that carries an agent token.
using System.Net.Http.Headers;
using System.Text;
using Godel.Config.Model;

namespace Godel.Proxy.Tests.Support;

public sealed class ProxyHarness : IAsyncDisposable
{
    public const string AdminToken = "admin-secret-token-for-tests";

    private readonly TempDir _dir;

    private ProxyHarness(TempDir dir, ProxyServer server, string token, CapturingLogger logger)
    {
        _dir = dir;
        Server = server;
        Token = token;
        Logger = logger;
        Http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public ProxyServer Server { get; }
    public string Token { get; }
    public CapturingLogger Logger { get; }
    public HttpClient Http { get; }
    public string DatabasePath => _dir.File("proxy.db");

    internal static async Task<ProxyHarness> StartAsync(ProxyConfig? config = null, IReadOnlyDictionary<string, string>? env = null, bool storeText = true, int auditQueue = Store.AuditWriter.DefaultCapacity,
        Upstream.Http11ClientOptions? upstreamClient = null)
    {
        var dir = new TempDir();
        var logger = new CapturingLogger();
        var server = await ProxyServer.StartAsync(new ProxyServerOptions
        {
            Config = config ?? new ProxyConfig(),
            Listen = "127.0.0.1:0",
            DatabasePath = dir.File("proxy.db"),
            AdminToken = AdminToken,
            StoreText = storeText,
            Logger = logger,
            AuditQueueCapacity = auditQueue,
            UpstreamClient = upstreamClient,
            GetEnvironmentVariable = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
        });
        var token = server.Admin.MintAgentToken("agent-1", "godel-abcde");
        return new ProxyHarness(dir, server, token, logger);
    }

    /// <summary>Config with the given providers (plus the default mock).</summary>
    public static ProxyConfig With(params (string Name, ProviderConfig Provider)[] providers)
    {
        var dict = new Dictionary<string, ProviderConfig>(StringComparer.Ordinal) { ["mock"] = new ProviderConfig { Type = ProviderType.Mock } };
        foreach (var (name, provider) in providers)
        {
            dict[name] = provider;
        }
        return new ProxyConfig { Providers = dict };
    }

    public HttpRequestMessage Post(string path, string json, string? token = null, bool bearer = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        token ??= Token;
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            request.Headers.Add("x-api-key", token);
        }
        return request;
    }

    public async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
