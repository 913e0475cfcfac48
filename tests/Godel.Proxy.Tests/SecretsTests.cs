// Provider keys never appear in the log, the database, responses, or an agent's environment.
using System.Text;
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Tests;

public sealed class SecretsTests
{
    private static readonly string[] Keys = [Recordings.AnthropicKey, Recordings.OpenAIKey];

    [Fact]
    public async Task No_key_in_any_log_line_database_row_or_response_after_success_and_failure_paths()
    {
        var responses = new StringBuilder();
        string dbPath;
        CapturingLogger logger;
        await using (var s = await StubbedProxy.StartAsync())
        {
            dbPath = s.Proxy.DatabasePath;
            logger = s.Proxy.Logger;
            s.Stub.Handler = Recordings.Provider(anthropic: true);
            foreach (var body in new[] { """{"model":"claude-sonnet-4-5","max_tokens":9,"messages":[{"role":"user","content":"a"}]}""", "{bad", """{"model":"claude-sonnet-4-5","stream":true,"messages":[]}""" })
            {
                responses.Append((await s.Proxy.SendAsync(s.Proxy.Post("/proxy/anthropic/v1/messages", body))).Body);
            }
            s.Stub.Handler = Recordings.Provider(anthropic: false);
            responses.Append((await s.Proxy.SendAsync(s.Proxy.Post("/proxy/openai/v1/chat/completions", """{"model":"gpt-4.1","stream":true,"messages":[]}"""))).Body);
            s.Stub.Handler = (c, _) => { c.Abort(); return Task.CompletedTask; };
            responses.Append((await s.Proxy.SendAsync(s.Proxy.Post("/proxy/openai/v1/chat/completions", """{"model":"gpt-4.1","messages":[]}"""))).Body);
            await s.Proxy.Server.Admin.FlushAuditAsync();
            var rows = DumpDatabase(dbPath);
            Assert.True(rows.Count >= 5, $"only {rows.Count} rows");
            foreach (var key in Keys)
            {
                Assert.DoesNotContain(rows, r => r.Contains(key, StringComparison.Ordinal));
                Assert.DoesNotContain(logger.Lines, l => l.Contains(key, StringComparison.Ordinal));
                Assert.DoesNotContain(key, responses.ToString(), StringComparison.Ordinal);
            }
            Assert.Contains(logger.Lines, l => l.Contains("unreachable", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_agents_environment_holds_its_token_and_the_proxy_url_but_no_provider_key()
    {
        var env = ProxyEnvironment.ForAgent(ProxyApi.Anthropic, "http://127.0.0.1:4711/", "gdl_agenttoken");

        Assert.Equal("http://127.0.0.1:4711/proxy/anthropic", env["ANTHROPIC_BASE_URL"]);
        Assert.Equal("http://127.0.0.1:4711/proxy/openai/v1", env["OPENAI_BASE_URL"]);
        Assert.Equal("gdl_agenttoken", env["ANTHROPIC_API_KEY"]);
        Assert.Equal("gdl_agenttoken", env["OPENAI_API_KEY"]);
        Assert.All(env.Values, v => Assert.DoesNotContain("sk-", v, StringComparison.Ordinal));
        Assert.All(env.Values, v => Assert.True(v == "gdl_agenttoken" || v.StartsWith("http://127.0.0.1:4711", StringComparison.Ordinal)));
    }

    private static List<string> DumpDatabase(string path)
    {
        var rows = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        foreach (var table in new[] { "requests", "tokens", "request_text" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        return rows;
    }
}
