// `godel proxy …` run in-process against a real git repository's `.godel/proxy.db` and a real remote proxy.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Godel.Cli;
using Godel.Proxy;

namespace Godel.Cli.Tests;

public sealed class ProxyVerbsTests : IDisposable
{
    private readonly string _repo = Path.Combine(Path.GetTempPath(), "godel-cli-proxy-" + Guid.NewGuid().ToString("N")[..10]);

    public ProxyVerbsTests()
    {
        Directory.CreateDirectory(_repo);
        Process.Start(new ProcessStartInfo("git", ["init", "-q", _repo]) { RedirectStandardOutput = true })!.WaitForExit();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_repo, recursive: true);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(string folder, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, folder, env ?? new Dictionary<string, string?>());
        var code = await GodelApp.RunAsync(args, console);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Local_tokens_stats_and_search_work_on_the_repository_store_with_and_without_a_running_proxy()
    {
        var (created, token, hint) = await RunAsync(_repo, null, "proxy", "tokens", "create", "--agent", "claude-1", "--bead", "godel-a3f9k");
        Assert.Equal(0, created);
        Assert.StartsWith("gdl_", token.Trim(), StringComparison.Ordinal);
        Assert.Contains("shown once", hint, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_repo, ".godel", "proxy.db")));

        await using (var server = await ProxyServer.StartAsync(new ProxyServerOptions { DatabasePath = Path.Combine(_repo, ".godel", "proxy.db") }))
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/proxy/mock/v1/messages")
            {
                Content = new StringContent("""{"model":"claude-sonnet-4-5","max_tokens":9,"messages":[{"role":"user","content":"tidy the websocket code"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-api-key", token.Trim());
            Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
            await server.Admin.FlushAuditAsync();

            var (statsCode, stats, _) = await RunAsync(Path.Combine(_repo), null, "proxy", "stats", "--json", "--since", "1h");
            Assert.Equal(0, statsCode);
            Assert.Equal(1, JsonDocument.Parse(stats).RootElement.GetProperty("totals").GetProperty("requests").GetInt64());
        }

        var (_, table, _) = await RunAsync(_repo, null, "proxy", "stats", "--agent", "claude-1");
        var (_, hits, _) = await RunAsync(_repo, null, "proxy", "search", "websocket");
        var (_, list, _) = await RunAsync(_repo, null, "proxy", "tokens", "list");
        var (revoked, revokeOut, _) = await RunAsync(_repo, null, "proxy", "tokens", "revoke", "claude-1");
        var (again, _, againErr) = await RunAsync(_repo, null, "proxy", "tokens", "revoke", "claude-1");

        Assert.Contains("claude-1", table, StringComparison.Ordinal);
        Assert.Contains("mock/claude-sonnet-4-5", table, StringComparison.Ordinal);
        Assert.Contains("claude-1  godel-a3f9k  mock/claude-sonnet-4-5", hits, StringComparison.Ordinal);
        Assert.Contains("[websocket]", hits, StringComparison.Ordinal);
        Assert.Contains("claude-1", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), list, StringComparison.Ordinal);
        Assert.Equal(0, revoked);
        Assert.Contains("revoked 1 token(s) of claude-1", revokeOut, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("has no token", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_repository_without_db_is_a_usage_error()
    {
        var outside = Path.Combine(Path.GetTempPath(), "godel-norepo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outside);
        try
        {
            var (code, _, err) = await RunAsync(outside, null, "proxy", "tokens", "list");
            var (since, _, sinceErr) = await RunAsync(_repo, null, "proxy", "stats", "--since", "whenever");

            Assert.Equal(2, code);
            Assert.Contains("not inside a git repository", err, StringComparison.Ordinal);
            Assert.Equal(2, since);
            Assert.Contains("--since", sinceErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Remote_verbs_go_through_the_admin_api()
    {
        await using var server = await ProxyServer.StartAsync(new ProxyServerOptions { DatabasePath = Path.Combine(_repo, "remote.db"), AdminToken = "adm-123" });
        var env = new Dictionary<string, string?> { ["GODEL_PROXY_ADMIN_TOKEN"] = "adm-123" };
        var (created, token, _) = await RunAsync(_repo, env, "proxy", "tokens", "create", "--agent", "remote-1", "--url", server.BaseUrl);
        var (_, list, _) = await RunAsync(_repo, env, "proxy", "tokens", "list", "--json", "--url", server.BaseUrl);
        var (statsCode, stats, _) = await RunAsync(_repo, env, "proxy", "stats", "--url", server.BaseUrl, "--json");
        var (wrong, _, wrongErr) = await RunAsync(_repo, new Dictionary<string, string?> { ["GODEL_PROXY_ADMIN_TOKEN"] = "nope" }, "proxy", "stats", "--url", server.BaseUrl);
        var (missing, _, missingErr) = await RunAsync(_repo, null, "proxy", "stats", "--url", server.BaseUrl);

        Assert.Equal(0, created);
        Assert.NotNull(server.Admin.ListTokens().SingleOrDefault(t => t.Agent == "remote-1"));
        Assert.StartsWith("gdl_", token.Trim(), StringComparison.Ordinal);
        Assert.Equal("remote-1", JsonDocument.Parse(list).RootElement[0].GetProperty("agent").GetString());
        Assert.Equal(0, statsCode);
        Assert.Equal(0, JsonDocument.Parse(stats).RootElement.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(1, wrong);
        Assert.Contains("refused the admin token", wrongErr, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("GODEL_PROXY_ADMIN_TOKEN", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_listens_until_cancelled()
    {
        var output = new StringWriter();
        var console = new CliConsole(TextWriter.Synchronized(output), new StringWriter(), _repo, new Dictionary<string, string?>());
        using var stop = new CancellationTokenSource();
        var (run, url) = await StartServeAsync(console, output, stop.Token);
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(url + "/health"));
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.True(File.Exists(Path.Combine(_repo, ".godel", "proxy.db")));
    }

    [Fact]
    public async Task Serve_logs_an_unreachable_provider_to_stderr_without_its_key()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        File.WriteAllText(Path.Combine(_repo, "godel.toml"), $"""
            [proxy.providers.dead]
            type = "openai-compatible"
            base_url = "http://127.0.0.1:{port}"
            api_key_env = "DEAD_KEY"
            """);
        const string key = "sk-dead-provider-key-never-logged";
        var env = new Dictionary<string, string?> { ["DEAD_KEY"] = key };
        var (_, token, _) = await RunAsync(_repo, env, "proxy", "tokens", "create", "--agent", "a1");
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(errors), _repo, env);
        using var stop = new CancellationTokenSource();
        var (run, url) = await StartServeAsync(console, output, stop.Token);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/proxy/dead/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"m","messages":[]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await http.SendAsync(request);
        await stop.CancelAsync();
        Assert.Equal(0, await run);

        Assert.Equal(502, (int)response.StatusCode);
        // The logger writes before the 502 is answered, so the line is there once the reply arrived.
        Assert.Contains("warn proxy: provider dead unreachable", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, errors.ToString() + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_with_no_match_says_when_no_text_is_stored_at_all(bool storeText)
    {
        await using (var server = await ProxyServer.StartAsync(new ProxyServerOptions
        {
            DatabasePath = Path.Combine(_repo, ".godel", "proxy.db"), StoreText = storeText, Listen = "127.0.0.1:0",
        }))
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/proxy/mock/v1/messages")
            {
                Content = new StringContent("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"walrus"}]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-api-key", server.Admin.MintAgentToken("a1"));
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
            await server.Admin.FlushAuditAsync();
        }

        var (code, output, error) = await RunAsync(_repo, null, "proxy", "search", "narwhal");

        Assert.Equal(0, code);
        Assert.Contains("no proxied request matches", output, StringComparison.Ordinal);
        Assert.Equal(!storeText, error.Contains("text storage is off", StringComparison.Ordinal));
    }

    // Runs `godel proxy serve` on a free loopback port until the token is cancelled; returns its task and its URL.
    private static async Task<(Task<int> Run, string Url)> StartServeAsync(CliConsole console, StringWriter output, CancellationToken stop)
    {
        var run = GodelApp.RunAsync(["proxy", "serve", "--listen", "127.0.0.1:0"], console, stop);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!output.ToString().Contains("listening on", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(20);
        }

        Assert.Contains("listening on ", output.ToString(), StringComparison.Ordinal);
        return (run, output.ToString().Split("listening on ")[1].Split(' ')[0]);
    }
}
