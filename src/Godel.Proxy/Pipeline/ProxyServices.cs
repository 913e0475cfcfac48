// Everything a request handler needs, built once per server: providers, tokens, limits, prices, budgets, audit.
using Godel.Config.Model;
using Godel.Proxy.Costs;
using Godel.Proxy.Limits;
using Godel.Proxy.Providers;
using Godel.Proxy.Store;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Pipeline;

internal sealed class ProxyServices : IAsyncDisposable
{
    public required ProxyConfig Config { get; init; }
    public required ProviderRegistry Providers { get; init; }
    public required TokenStore Tokens { get; init; }
    public required AuditWriter Audit { get; init; }
    public required AuditReader Reader { get; init; }
    public required PricingTable Pricing { get; init; }
    public required BudgetLedger Budgets { get; init; }
    public required RateLimits Limits { get; init; }

    /// <summary>False when no limit is configured anywhere: the hot path then skips the limiters entirely.</summary>
    public required bool LimitsEnabled { get; init; }

    public required bool StoreText { get; init; }
    public required ILogger Logger { get; init; }
    public required TimeProvider Time { get; init; }

    /// <summary>SHA-256 of the admin token; null disables the admin API over HTTP.</summary>
    public byte[]? AdminTokenHash { get; init; }

    public async ValueTask DisposeAsync()
    {
        await Audit.DisposeAsync().ConfigureAwait(false);
        Limits.Dispose();
        Providers.Dispose();
    }
}
