// The daemon wires agents to the LLM proxy: local proxy hosted by the daemon, per-agent tokens, revoked when agents end.
using System.Diagnostics;
using System.Net;
using System.Text;
using Godel.Proxy;

namespace Godel.Cli.Tests.Daemon;

public sealed class AgentProxyTests
{
    private const string UserKey = "sk-ant-user-key-must-not-leak-1234";
    private const string ProviderKey = "sk-provider-key-must-not-leak-5678";
    private const string AdminToken = "admin-token-must-not-leak-9999";

    private static readonly string ProviderConfig = """
        [proxy.providers.mock]
        type = "mock"

        [proxy.providers.upstream]
        type = "anthropic"
        base_url = "http://127.0.0.1:9"
        api_key_env = "GODEL_TEST_UPSTREAM_KEY"
        """;

    private static bool HasCurl => File.Exists("/usr/bin/curl") || File.Exists("/bin/curl");

    private static CliWorkspace NewWorkspace(string toml)
    {
        var ws = new CliWorkspace();
        File.WriteAllText(Path.Combine(ws.Repo, "godel.toml"), toml);
        ws.Environment["ANTHROPIC_API_KEY"] = UserKey;
        ws.Environment["GODEL_TEST_UPSTREAM_KEY"] = ProviderKey;
        ws.Environment["GODEL_PROXY_ADMIN_TOKEN"] = AdminToken;
        return ws;
    }

    [SkippableFact]
    public async Task A_local_agent_gets_its_own_token_and_the_daemons_proxy_and_loses_the_token_when_it_ends()
    {
        Skip.IfNot(HasCurl, "curl not installed: apt-get install curl");
        await using var ws = NewWorkspace(ProviderConfig);
        await ws.RunOkAsync("agent", "spawn", "--name", "envy", "--bead", "gd-42", "--cwd", ".", "--size", "200x20");
        var agent = await ws.AgentAsync("envy");
        var env = Environ(agent.Pid);

        var url = env["GODEL_PROXY_URL"];
        var token = env["GODEL_PROXY_TOKEN"];
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.StartsWith("gdl_", token, StringComparison.Ordinal);
        Assert.Equal(url + "/proxy/anthropic", env["ANTHROPIC_BASE_URL"]);
        Assert.Equal(token, env["ANTHROPIC_API_KEY"]);
        Assert.Equal(url + "/proxy/openai/v1", env["OPENAI_BASE_URL"]);
        Assert.Equal(token, env["OPENAI_API_KEY"]);
        AssertNoSecret(env);
        Assert.Contains($"proxy: {url}", (await ws.RunOkAsync("daemon", "status")).Out, StringComparison.Ordinal);

        // A real call from inside the agent, through the daemon's proxy, to the mock provider.
        await ws.RunOkAsync("agent", "send", "envy",
            "curl -s -o /dev/null -w 'status=%{http_code}\\n' -H \"x-api-key: $ANTHROPIC_API_KEY\" -H 'content-type: application/json' " +
            "-d '{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":\"zebrafish inventory\"}]}' " +
            "\"$GODEL_PROXY_URL/proxy/mock/v1/messages\"", "--enter");
        await Wait.Until(async () => (await ws.RunOkAsync("capture", "envy")).Out.Contains("status=200", StringComparison.Ordinal), "curl through the proxy to answer 200");

        var admin = ProxyAdmin.Open(Path.Combine(ws.Repo, ".godel", "proxy.db"));
        await Wait.Until(() => admin.Search("zebrafish").Count > 0, "the audit row of the agent's call");
        var hit = Assert.Single(admin.Search("zebrafish"));
        Assert.Equal(("envy", "gd-42"), (hit.Agent, hit.Bead));

        await ws.RunOkAsync("agent", "stop", "envy");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(url, token));

        await ws.RunOkAsync("agent", "restart", "envy");
        var fresh = Environ((await ws.AgentAsync("envy")).Pid)["GODEL_PROXY_TOKEN"];
        Assert.NotEqual(token, fresh);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(url, fresh));
        // The proxy's own log lines (an unreachable provider here) land in the daemon's log.
        Assert.Equal(HttpStatusCode.BadGateway, await CallAsync(url, fresh, "upstream"));
        await ws.RunOkAsync("agent", "kill", "envy");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(url, fresh));

        var log = await File.ReadAllTextAsync(Path.Combine(ws.Repo, ".godel", "daemon", "daemon.log"));
        Assert.Contains("warn proxy: provider upstream unreachable", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_of_agents_lost_when_the_daemon_died_are_revoked_by_the_next_daemon()
    {
        await using var ws = NewWorkspace(ProviderConfig);
        await ws.RunOkAsync("agent", "spawn", "--name", "doomed");
        var env = Environ((await ws.AgentAsync("doomed")).Pid);
        var token = env["GODEL_PROXY_TOKEN"];
        Assert.Equal(HttpStatusCode.OK, await CallAsync(env["GODEL_PROXY_URL"], token));
        var daemonPid = ws.DaemonPid;

        Process.GetProcessById(daemonPid).Kill();
        await Wait.Until(() => !CliWorkspace.Alive(daemonPid), "the daemon to die");
        await ws.AgentAsync("doomed"); // a new daemon, with a new proxy on a new port
        var status = (await ws.RunOkAsync("daemon", "status")).Out;
        var url = status.Split('\n').Single(l => l.StartsWith("proxy: ", StringComparison.Ordinal))["proxy: ".Length..].Trim();

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(url, token));
    }

    [Fact]
    public async Task A_broken_proxy_store_leaves_agents_without_a_proxy_but_the_daemon_serves_them()
    {
        await using var ws = NewWorkspace(ProviderConfig);
        Directory.CreateDirectory(Path.Combine(ws.Repo, ".godel"));
        await File.WriteAllTextAsync(Path.Combine(ws.Repo, ".godel", "proxy.db"), "this is not a SQLite database, and it must stay as it is\n");

        await ws.RunOkAsync("agent", "spawn", "--name", "plain");
        var env = Environ((await ws.AgentAsync("plain")).Pid);

        Assert.False(env.ContainsKey("GODEL_PROXY_URL"));
        AssertNoSecret(env);
        Assert.Contains("proxy: none", (await ws.RunOkAsync("daemon", "status")).Out, StringComparison.Ordinal);
        Assert.Contains("cannot start the local LLM proxy", await File.ReadAllTextAsync(Path.Combine(ws.Repo, ".godel", "daemon", "daemon.log")), StringComparison.Ordinal);
        Assert.StartsWith("this is not a SQLite database", await File.ReadAllTextAsync(Path.Combine(ws.Repo, ".godel", "proxy.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_proxy_from_config_gives_agents_its_url_and_a_token_minted_through_its_admin_api()
    {
        var root = Directory.CreateTempSubdirectory("godel-remote-proxy-");
        try
        {
            await using var remote = await ProxyServer.StartAsync(new ProxyServerOptions
            {
                Listen = "127.0.0.1:0",
                DatabasePath = Path.Combine(root.FullName, "remote.db"),
                AdminToken = AdminToken,
            });
            await using var ws = NewWorkspace($"[proxy]\nurl = \"{remote.BaseUrl}\"\n");
            ws.Environment.Remove("GODEL_TEST_UPSTREAM_KEY"); // the remote holds the provider keys; this config names none
            await ws.RunOkAsync("agent", "spawn", "--name", "far", "--bead", "gd-7", "--cwd", ".");
            var env = Environ((await ws.AgentAsync("far")).Pid);

            Assert.Equal(remote.BaseUrl, env["GODEL_PROXY_URL"]);
            Assert.Equal(remote.BaseUrl + "/proxy/anthropic", env["ANTHROPIC_BASE_URL"]);
            AssertNoSecret(env);
            var token = env["ANTHROPIC_API_KEY"];
            Assert.Contains(remote.Admin.ListTokens(), t => t.Agent == "far" && t.Bead == "gd-7");
            Assert.Equal(HttpStatusCode.OK, await CallAsync(remote.BaseUrl, token));

            await ws.RunOkAsync("agent", "stop", "far");
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(remote.BaseUrl, token));
            Assert.DoesNotContain(remote.Admin.ListTokens(), t => t.Agent == "far");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void AssertNoSecret(IReadOnlyDictionary<string, string> env)
    {
        foreach (var (name, value) in env)
        {
            Assert.False(value.Contains(UserKey, StringComparison.Ordinal), $"{name} carries the user's provider key");
            Assert.False(value.Contains(ProviderKey, StringComparison.Ordinal), $"{name} carries the proxy's provider key");
            Assert.False(value.Contains(AdminToken, StringComparison.Ordinal), $"{name} carries the proxy admin token");
        }
    }

    /// <summary>The agent's real environment, as the kernel holds it.</summary>
    private static Dictionary<string, string> Environ(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static async Task<HttpStatusCode> CallAsync(string url, string token, string provider = "mock")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url + $"/proxy/{provider}/v1/messages")
        {
            Content = new StringContent("""{"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
