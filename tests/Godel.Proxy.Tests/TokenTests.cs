// Agent tokens: minted through the admin API, stored hashed, revoked; the admin API itself is guarded.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Godel.Proxy.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Tests;

public sealed class TokenTests
{
    private const string Body = """{"model":"mock","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Admin_api_mints_lists_and_revokes_and_a_revoked_token_is_refused()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(proxy.Server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProxyHarness.AdminToken);

        var minted = await admin.PostAsJsonAsync("/admin/tokens", new { agent = "codex-2", bead = "godel-zz9yx" });
        Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
        var token = JsonDocument.Parse(await minted.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var (ok, _, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Body, token));
        var list = await admin.GetStringAsync("/admin/tokens");
        var revoked = await admin.DeleteAsync("/admin/tokens/codex-2");
        var (after, _, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Body, token));

        Assert.Equal(200, ok);
        Assert.Contains("\"agent\":\"codex-2\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.Equal("{\"revoked\":1}", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(401, after);
    }

    [Fact]
    public async Task Admin_api_refuses_agent_tokens_and_wrong_admin_tokens()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(proxy.Server.BaseUrl) };
        foreach (var token in new[] { proxy.Token, ProxyHarness.AdminToken + "x", "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/stats");
            request.Headers.TryAddWithoutValidation("x-api-key", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var token = proxy.Server.Admin.MintAgentToken("agent-9", null);

        await using var connection = new SqliteConnection($"Data Source={proxy.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM tokens";
        var hashes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                hashes.Add(reader.GetString(0));
            }
        }
        Assert.Equal(2, hashes.Count);
        Assert.DoesNotContain(hashes, h => h.Contains(token[4..], StringComparison.Ordinal));
        Assert.Contains(Store.TokenStore.Hash(token), hashes);
    }

    [Fact]
    public async Task A_token_minted_in_the_database_by_another_process_works_in_a_running_proxy()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        var other = ProxyAdmin.Open(proxy.DatabasePath);
        var token = other.MintAgentToken("cli-made", null);
        var (status, _, _) = await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", Body, token));

        Assert.Equal(200, status);
    }
}
