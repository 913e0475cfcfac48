// Hosts the proxy on Kestrel: builds the services, maps the routes, listens, and shuts down cleanly.
using System.Security.Cryptography.X509Certificates;
using Godel.Config.Model;
using Godel.Proxy.Admin;
using Godel.Proxy.Costs;
using Godel.Proxy.Limits;
using Godel.Proxy.Pipeline;
using Godel.Proxy.Providers;
using Godel.Proxy.Routing;
using Godel.Proxy.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Godel.Proxy;

/// <summary>A running proxy. Local mode (the daemon) and remote mode (`godel proxy serve`) run this same code.</summary>
public sealed class ProxyServer : IAsyncDisposable
{
    /// <summary>
    /// The host's default watches its content root (the current directory, recursively) for appsettings changes
    /// the proxy never reads. Run from a repository with the store in `.godel/`, every WAL write of the audit log
    /// woke the watcher thread (perf: ~3,300 wake-ups and 41 ms CPU in 3 s at 2,500 req/s).
    /// </summary>
    private const string NoConfigReload = "--hostBuilder:reloadConfigOnChange=false";

    private readonly WebApplication _app;
    private readonly ProxyServices _services;

    private ProxyServer(WebApplication app, ProxyServices services, string baseUrl)
    {
        _app = app;
        _services = services;
        BaseUrl = baseUrl;
        Admin = NewAdmin(services);
    }

    /// <summary>`http://127.0.0.1:PORT` (no trailing slash); agents get `{BaseUrl}/proxy/...`.</summary>
    public string BaseUrl { get; }

    public ProxyAdmin Admin { get; }

    /// <summary>The host's configuration, for tests that check what it watches.</summary>
    internal Microsoft.Extensions.Configuration.IConfiguration HostConfiguration => _app.Configuration;

    public static async Task<ProxyServer> StartAsync(ProxyServerOptions options, CancellationToken cancellationToken = default)
    {
        var listen = options.Listen ?? options.Config.Listen;
        if (!ListenAddress.TryParse(listen, out var endpoint))
        {
            throw new ArgumentException($"listen address '{listen}' is not host:port (e.g. 127.0.0.1:8080)", nameof(options));
        }
        var tls = LoadCertificate(options);
        var services = BuildServices(options);
        // The host would otherwise take the current directory (inside the daemon: the workspace, agents' worktrees
        // included) as its content root and watch it recursively for appsettings.json: an inotify event, and a wake-up,
        // for every write under it, the agents' raw logs among them. The proxy reads no settings files.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Godel.Proxy",
            Args = [NoConfigReload],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        // Continuations run on the socket thread instead of hopping to the thread pool: on a busy 2-core machine
        // every hop waits for the scheduler. Safe because request handling never blocks (admin queries are
        // moved off the I/O thread, see AdminEndpoints).
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The proxy enforces its own limit so the caller gets a JSON 413 in its provider's shape.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(endpoint, l =>
            {
                if (tls is not null)
                {
                    l.UseHttps(tls);
                }
            });
        });
        var app = builder.Build();
        MapRoutes(app, services);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProxyServer(app, services, address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal).TrimEnd('/'));
    }

    /// <summary>Completes when the host stops (Ctrl-C in `godel proxy serve`) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    private static X509Certificate2? LoadCertificate(ProxyServerOptions options)
    {
        if (options.TlsCertPath is null && options.TlsKeyPath is null)
        {
            return null;
        }
        if (options.TlsCertPath is null || options.TlsKeyPath is null)
        {
            throw new ArgumentException("HTTPS needs both --tls-cert and --tls-key (PEM files)", nameof(options));
        }
        return X509Certificate2.CreateFromPemFile(options.TlsCertPath, options.TlsKeyPath);
    }

    private static ProxyServices BuildServices(ProxyServerOptions options)
    {
        var config = options.Config;
        var time = options.Time ?? TimeProvider.System;
        var logger = options.Logger ?? NullLogger.Instance;
        var db = ProxyDatabase.Open(options.DatabasePath);
        var reader = new AuditReader(db, time);
        var (perAgent, today, total) = reader.SpendByAgent();
        var providers = new ProviderRegistry(config, options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable, options.UpstreamClient);
        return new ProxyServices
        {
            Config = config,
            Providers = providers,
            Tokens = new TokenStore(db, time),
            Audit = new AuditWriter(db, config.Audit.RetentionDays, logger, time, options.AuditQueueCapacity),
            Reader = reader,
            Pricing = new PricingTable(config.Pricing),
            Budgets = new BudgetLedger(config.Budgets, time, perAgent, today, total),
            Limits = new RateLimits(config.Limits, name => config.Providers.GetValueOrDefault(name), time),
            LimitsEnabled = AnyLimit(config),
            StoreText = options.StoreText ?? config.Audit.StoreText ?? true,
            Logger = logger,
            Time = time,
            AdminTokenHash = string.IsNullOrEmpty(options.AdminToken) ? null : AgentAuth.HashOf(options.AdminToken),
        };
    }

    private static bool AnyLimit(ProxyConfig config) =>
        config.Limits.AgentRequestsPerMinute is not null || config.Limits.AgentTokensPerMinute is not null
        || config.Providers.Values.Any(p => p.RequestsPerMinute is not null || p.TokensPerMinute is not null);

    private static void MapRoutes(WebApplication app, ProxyServices services)
    {
        var forwarder = new Forwarder(services);
        var passThrough = new PassThroughEndpoint(services, forwarder);
        var routed = new RoutedEndpoint(services, forwarder, new RouteTable(services.Config.Routes, services.Providers));
        var dispatch = new ProxyDispatch(services, routed, passThrough);
        // Proxy calls never reach the route matcher: this runs first and answers them; only health and admin
        // requests continue to routing (UseRouting is explicit so it comes after this, not before).
        app.Use(next => context => dispatch.TryHandle(context) ?? next(context));
        app.UseRouting();
        app.MapGet("/health", context => context.Response.WriteAsync("ok"));
        AdminEndpoints.Map(app, services, NewAdmin(services));
    }

    private static ProxyAdmin NewAdmin(ProxyServices services) => new(services.Tokens, services.Reader, services.Audit.FlushAsync, services.Audit);
}
