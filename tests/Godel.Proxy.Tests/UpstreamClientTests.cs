// The proxy's own HTTP/1.1 upstream client against a scripted raw-TCP upstream: framing, reuse, closes, TLS, bad answers.
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Godel.Config.Model;
using Godel.Proxy.Tests.Support;

namespace Godel.Proxy.Tests;

public sealed class UpstreamClientTests
{
    private const string Request = """{"model":"gpt-4.1","messages":[{"role":"user","content":"Hello"}]}""";
    private const string Reply = """{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4.1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""";

    private static Task<ProxyHarness> ProxyFor(RawUpstream upstream, System.Net.Security.RemoteCertificateValidationCallback? certificates = null, string key = "sk-raw-key", TimeSpan? idleTimeout = null) =>
        ProxyHarness.StartAsync(
            ProxyHarness.With(("raw", new ProviderConfig { Type = ProviderType.OpenAI, BaseUrl = upstream.Url + "/v1", ApiKeyEnv = "RAW_KEY" })),
            new Dictionary<string, string> { ["RAW_KEY"] = key },
            upstreamClient: new Godel.Proxy.Upstream.Http11ClientOptions
            {
                ServerCertificateValidation = certificates,
                IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(1),
            });

    [Fact]
    public async Task Idle_connections_past_their_timeout_are_closed_by_the_sweeper_and_not_reused()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = Answer(Reply);
        await using var proxy = await ProxyFor(upstream, idleTimeout: TimeSpan.FromMilliseconds(300));

        var (first, _, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (upstream.ClosedByClient == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        // Closed while nobody used it: the sweeper did it, not the next request.
        var closedWhileIdle = upstream.ClosedByClient;
        var (second, _, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.Equal((200, 200), (first, second));
        Assert.Equal(1, closedWhileIdle);
        Assert.Equal(2, upstream.Connections);
    }

    /// <summary>The upstream answers every request with a 200 and <paramref name="body"/>, keeping the connection unless told not to.</summary>
    private static Func<RawRequest, Stream, Task<bool>> Answer(string body, bool keepOpen = true) =>
        async (_, s) =>
        {
            await s.WriteAsync(RawUpstream.Response(200, body));
            return keepOpen;
        };

    /// <summary>Sends <paramref name="times"/> calls one after the other; each must come back 200 with <see cref="Reply"/>.</summary>
    private static async Task ExpectRepliesAsync(ProxyHarness proxy, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));
            Assert.Equal(200, status);
            Assert.Equal(Reply, body);
        }
    }

    private static async Task<bool> WriteAsync(Stream stream, string text, bool keepOpen = true)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
        return keepOpen;
    }

    [Fact]
    public async Task The_request_goes_upstream_with_the_providers_key_its_host_and_only_end_to_end_headers()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = Answer(Reply);
        await using var proxy = await ProxyFor(upstream);
        var request = proxy.Post("/proxy/raw/v1/chat/completions?trace=a%20b&x=1", Request, bearer: true);
        request.Headers.Add("OpenAI-Organization", "org-1");
        request.Headers.Connection.Add("keep-alive");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

        var (status, body, _) = await proxy.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal(Reply, body);
        var seen = Assert.Single(upstream.Seen);
        // The base URL ends in /v1: the path is not doubled; the query is passed on as it was encoded.
        Assert.Equal("POST /v1/chat/completions?trace=a%20b&x=1 HTTP/1.1", seen.RequestLine);
        Assert.Equal(new Uri(upstream.Url).Authority, seen.Headers["Host"]);
        Assert.Equal("Bearer sk-raw-key", seen.Headers["Authorization"]);
        Assert.Equal("org-1", seen.Headers["OpenAI-Organization"]);
        Assert.Equal(Encoding.UTF8.GetByteCount(Request).ToString(System.Globalization.CultureInfo.InvariantCulture), seen.Headers["Content-Length"]);
        Assert.False(seen.Headers.ContainsKey("TE"));
        Assert.False(seen.Headers.ContainsKey("Connection"));
        Assert.DoesNotContain(proxy.Token, seen.Head, StringComparison.Ordinal);
        Assert.Equal(Request, Encoding.UTF8.GetString(seen.Body));
    }

    [Fact]
    public async Task A_path_with_spaces_and_non_ascii_is_percent_encoded_upstream()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = Answer("{}");
        await using var proxy = await ProxyFor(upstream);

        var (status, _, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/files/a%20b%C3%A9", "{}"));

        Assert.Equal(200, status);
        Assert.Equal("POST /v1/files/a%20b%C3%A9 HTTP/1.1", Assert.Single(upstream.Seen).RequestLine);
    }

    [Fact]
    public async Task The_path_goes_upstream_encoded_exactly_as_the_client_sent_it()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = Answer("{}");
        await using var proxy = await ProxyFor(upstream);
        // %2F and %252F decode to the same path for routing; upstream must still see which one the client sent.
        const string target = "/proxy/raw/v1/files/a%2Fb/c%252Fd%20e?q=%2F";

        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(new Uri(proxy.Server.BaseUrl).Host, new Uri(proxy.Server.BaseUrl).Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {target} HTTP/1.1\r\nHost: proxy\r\nx-api-key: {proxy.Token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"));
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Equal("POST /v1/files/a%2Fb/c%252Fd%20e?q=%2F HTTP/1.1", Assert.Single(upstream.Seen).RequestLine);
    }

    [Fact]
    public async Task A_large_body_sent_in_two_writes_arrives_whole()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = async (r, s) => { await s.WriteAsync(RawUpstream.Response(200, $"{{\"got\":{r.Body.Length}}}")); return true; };
        await using var proxy = await ProxyFor(upstream);
        var big = "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 300_000) + "\"}]}";

        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", big));

        Assert.Equal(200, status);
        Assert.Equal($"{{\"got\":{big.Length}}}", body);
        Assert.Equal(big, Encoding.UTF8.GetString(Assert.Single(upstream.Seen).Body));
    }

    [Fact]
    public async Task A_chunked_answer_with_extensions_and_trailers_is_relayed_decoded_and_the_connection_reused()
    {
        await using var upstream = RawUpstream.Start();
        var half = Reply.Length / 2;
        upstream.Respond = async (_, s) =>
        {
            await WriteAsync(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            await WriteAsync(s, $"{half:x};name=value\r\n{Reply[..half]}\r\n");
            await Task.Delay(20);
            await WriteAsync(s, $"{Reply.Length - half:X}\r\n{Reply[half..]}\r\n");
            return await WriteAsync(s, "0\r\nX-Trailer: t\r\n\r\n");
        };
        await using var proxy = await ProxyFor(upstream);

        await ExpectRepliesAsync(proxy, 3);

        Assert.Equal(1, upstream.Connections);
        Assert.Equal([1, 2, 3], upstream.Seen.Select(r => r.OnConnection));
        await proxy.Server.Admin.FlushAuditAsync();
        var totals = proxy.Server.Admin.Stats().Totals;
        Assert.Equal(33, totals.TokensIn + totals.TokensOut);
    }

    [Fact]
    public async Task An_answer_that_ends_at_close_is_relayed_whole_and_its_connection_not_reused()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = (_, s) => WriteAsync(s, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{Reply}", keepOpen: false);
        await using var proxy = await ProxyFor(upstream);

        await ExpectRepliesAsync(proxy, 2);
        Assert.Equal(2, upstream.Connections);
    }

    [Fact]
    public async Task A_kept_alive_connection_the_upstream_closed_is_retried_once_on_a_new_one()
    {
        await using var upstream = RawUpstream.Start();
        // Answers with keep-alive framing, then closes anyway: the proxy finds out only when it reuses the connection.
        upstream.Respond = Answer(Reply, keepOpen: false);
        await using var proxy = await ProxyFor(upstream);

        await ExpectRepliesAsync(proxy, 3);
        Assert.Equal(3, upstream.Seen.Count);
        Assert.All(upstream.Seen, r => Assert.Equal(1, r.OnConnection));
    }

    [Fact]
    public async Task When_the_upstream_dropped_every_idle_connection_the_retry_uses_a_new_one()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = Answer(Reply, keepOpen: false);
        await using var proxy = await ProxyFor(upstream);
        // Three calls at once leave three idle connections behind, all of which the upstream has closed.
        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request))));

        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.All(first, r => Assert.Equal(200, r.Status));
        Assert.Equal(200, status);
        Assert.Equal(Reply, body);
    }

    [Fact]
    public async Task An_interim_100_continue_is_skipped()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = async (_, s) =>
        {
            await WriteAsync(s, "HTTP/1.1 100 Continue\r\n\r\n");
            await s.WriteAsync(RawUpstream.Response(201, Reply, extraHeaders: "x-request-id: req_1\r\n"));
            return true;
        };
        await using var proxy = await ProxyFor(upstream);

        var (status, body, response) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.Equal(201, status);
        Assert.Equal(Reply, body);
        Assert.Equal("req_1", response.Headers.GetValues("x-request-id").Single());
    }

    [Fact]
    public async Task A_body_cut_short_is_recorded_as_an_error_and_the_client_does_not_get_a_whole_answer()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = (_, s) => WriteAsync(s, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Reply.Length}\r\n\r\n{Reply[..20]}", keepOpen: false);
        await using var proxy = await ProxyFor(upstream);

        // The proxy already sent the status and length: the client sees the response end early.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request)));

        await proxy.Server.Admin.FlushAuditAsync();
        var stats = proxy.Server.Admin.Stats();
        Assert.Equal(1, stats.Totals.Requests);
        Assert.Equal(1, stats.Totals.Errors);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_answer_over_pooled_connections()
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = async (r, s) =>
        {
            // Echo the caller's marker, half the time chunked and late, half with a length.
            var marker = Encoding.UTF8.GetString(r.Body);
            var reply = $"{{\"echo\":{marker}}}";
            if (r.Body.Length % 2 == 0)
            {
                await WriteAsync(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                await Task.Delay(Random.Shared.Next(5));
                return await WriteAsync(s, $"{reply.Length:x}\r\n{reply}\r\n0\r\n\r\n");
            }
            await s.WriteAsync(RawUpstream.Response(200, reply));
            return true;
        };
        await using var proxy = await ProxyFor(upstream);

        for (var wave = 0; wave < 2; wave++)
        {
            var calls = Enumerable.Range(0, 100).Select(async i =>
            {
                var marker = $"{{\"model\":\"gpt-4.1\",\"n\":\"{wave}-{i}{new string('x', i % 3)}\"}}";
                var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", marker));
                return status == 200 && body == $"{{\"echo\":{marker}}}";
            });
            Assert.All(await Task.WhenAll(calls), Assert.True);
        }

        Assert.Equal(200, upstream.Seen.Count);
        // The second wave found the first wave's connections idle and reused them (the pool keeps up to 256).
        Assert.True(upstream.Connections <= 100, $"{upstream.Connections} connections for two waves of 100");
        Assert.Contains(upstream.Seen, r => r.OnConnection > 1);
    }

    [Theory]
    [InlineData("garbage\r\n\r\n", "is not an HTTP/1.x response ('garbage')")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nbad header line\r\n\r\n", "malformed header line ('bad header line')")]
    [InlineData("", "closed the connection without answering")]
    public async Task An_answer_that_is_not_http_is_a_502_naming_the_provider_and_the_problem(string answer, string expected)
    {
        await using var upstream = RawUpstream.Start();
        upstream.Respond = (_, s) => WriteAsync(s, answer, keepOpen: false);
        await using var proxy = await ProxyFor(upstream);

        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.Equal(502, status);
        Assert.Contains("provider 'raw' is unreachable", body, StringComparison.Ordinal);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_502_naming_the_address()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var proxy = await ProxyHarness.StartAsync(
            ProxyHarness.With(("raw", new ProviderConfig { Type = ProviderType.OpenAICompatible, BaseUrl = $"http://127.0.0.1:{port}" })));

        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.Equal(502, status);
        Assert.Contains($"provider 'raw' is unreachable", body, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_holding_a_line_break_is_never_sent_and_the_502_names_the_variable()
    {
        await using var upstream = RawUpstream.Start();
        await using var proxy = await ProxyFor(upstream, key: "sk-one\r\nX-Injected: yes");

        var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));

        Assert.Equal(502, status);
        Assert.Contains("environment variable RAW_KEY holds a control character", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-one", body, StringComparison.Ordinal);
        Assert.Empty(upstream.Seen);
    }

    [Fact]
    public async Task A_tls_connection_idle_for_seconds_is_still_reused()
    {
        using var certificate = SelfSigned("localhost");
        await using var upstream = RawUpstream.Start(certificate);
        upstream.Respond = Answer(Reply);
        await using var proxy = await ProxyFor(upstream, (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString());

        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await proxy.SendAsync(proxy.Post("/proxy/raw/v1/chat/completions", Request));
            Assert.Equal(200, status);
            Assert.Equal(Reply, body);
            // Past the one second after which an idle connection is polled before reuse: TLS 1.3 session tickets
            // the server sent after the handshake must not make it look closed (a new handshake per agent call).
            await Task.Delay(1300);
        }
        Assert.Equal(1, upstream.Connections);
    }

    [Fact]
    public async Task Https_upstreams_are_reached_over_tls_and_an_untrusted_certificate_is_a_502()
    {
        using var certificate = SelfSigned("localhost");
        await using var upstream = RawUpstream.Start(certificate);
        upstream.Respond = Answer(Reply);
        await using (var trusting = await ProxyFor(upstream, (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString()))
        {
            await ExpectRepliesAsync(trusting, 2);
            Assert.Equal(1, upstream.Connections);
        }

        await using var strict = await ProxyFor(upstream);
        var (refused, message, _) = await strict.SendAsync(strict.Post("/proxy/raw/v1/chat/completions", Request));
        Assert.Equal(502, refused);
        Assert.Contains("TLS handshake with localhost:", message, StringComparison.Ordinal);
    }

    private static X509Certificate2 SelfSigned(string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Exported and re-imported so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
