// Remote mode: HTTPS from PEM files, and the admin API's stats and search over HTTP.
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class RemoteModeTests
{
    [Fact]
    public async Task Serves_https_from_a_pem_certificate_and_key()
    {
        using var dir = new TempDir();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(dir.File("cert.pem"), cert.ExportCertificatePem());
        await File.WriteAllTextAsync(dir.File("key.pem"), key.ExportPkcs8PrivateKeyPem());

        await using var server = await ProxyServer.StartAsync(new ProxyServerOptions
        {
            DatabasePath = dir.File("p.db"), TlsCertPath = dir.File("cert.pem"), TlsKeyPath = dir.File("key.pem"),
        });
        var token = server.Admin.MintAgentToken("remote", null);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == cert.Thumbprint };
        using var http = new HttpClient(handler);
        using var message = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/proxy/mock/v1/messages")
        {
            Content = new StringContent("""{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"over tls"}]}""", Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("x-api-key", token);
        var response = await http.SendAsync(message);

        Assert.StartsWith("https://", server.BaseUrl, StringComparison.Ordinal);
        Assert.Contains("mock reply to: over tls", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Admin_stats_and_search_over_http()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/messages", """{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":"giraffe facts"}]}"""));
        await proxy.Server.Admin.FlushAuditAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(proxy.Server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProxyHarness.AdminToken);

        var stats = JsonDocument.Parse(await admin.GetStringAsync("/admin/stats?since=1h&agent=agent-1")).RootElement;
        var none = JsonDocument.Parse(await admin.GetStringAsync("/admin/stats?agent=nobody")).RootElement;
        var hits = JsonDocument.Parse(await admin.GetStringAsync("/admin/search?q=giraffe")).RootElement;
        var bad = await admin.GetAsync("/admin/stats?since=someday");

        Assert.Equal(1, stats.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal("agent-1", stats.GetProperty("agents")[0].GetProperty("name").GetString());
        Assert.Equal(0, none.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal("godel-abcde", hits[0].GetProperty("bead").GetString());
        Assert.Contains("[giraffe]", hits[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, (int)bad.StatusCode);
    }
}
