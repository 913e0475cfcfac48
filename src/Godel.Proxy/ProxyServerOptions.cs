// How to start a proxy: the same options serve the daemon's local proxy and `godel proxy serve`.
using Godel.Config.Model;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy;

public sealed record ProxyServerOptions
{
    public ProxyConfig Config { get; init; } = new();

    /// <summary>`host:port` (`127.0.0.1:0` = a free loopback port); null = <see cref="ProxyConfig.Listen"/>.</summary>
    public string? Listen { get; init; }

    /// <summary>SQLite file for tokens and the audit log (`.godel/proxy.db` locally).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Enables the HTTP admin API; null leaves only the in-process <see cref="ProxyServer.Admin"/>.</summary>
    public string? AdminToken { get; init; }

    /// <summary>Store prompt and response text; null = <see cref="AuditConfig.StoreText"/>, else on (local default).</summary>
    public bool? StoreText { get; init; }

    public ILogger? Logger { get; init; }

    /// <summary>PEM certificate and key: when both are set the proxy serves HTTPS.</summary>
    public string? TlsCertPath { get; init; }
    public string? TlsKeyPath { get; init; }

    /// <summary>Where provider keys named by `api_key_env` are read; null = the process environment.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }

    public TimeProvider? Time { get; init; }

    /// <summary>Upstream client timeouts and TLS trust; null = the defaults and the system's trust store (tests set their own).</summary>
    internal Upstream.Http11ClientOptions? UpstreamClient { get; init; }

    /// <summary>Records the audit queue holds before requests wait for the writer (tests use a small one).</summary>
    internal int AuditQueueCapacity { get; init; } = Store.AuditWriter.DefaultCapacity;
}
