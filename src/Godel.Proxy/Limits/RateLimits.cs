// Requests/minute and tokens/minute per agent and per provider, checked before a request goes upstream.
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Godel.Config.Model;
using Godel.Proxy.Errors;

namespace Godel.Proxy.Limits;

/// <summary>
/// Requests/minute use partitioned sliding-window limiters (one partition per agent or provider); tokens/minute
/// use <see cref="TokenWindow"/>s that reserve the worst case and are reconciled with the real usage.
/// Limits live in this process: one proxy is one limit (no per-replica multiplication).
/// </summary>
internal sealed class RateLimits : IDisposable
{
    private readonly LimitsConfig _config;
    private readonly TimeProvider _time;
    // Created on the first request: the partitioned limiter runs a 100 ms timer for as long as it exists,
    // which an idle daemon hosting the proxy should not pay for.
    private readonly Lazy<PartitionedRateLimiter<string>> _requestLimiter;
    private readonly ConcurrentDictionary<string, TokenWindow> _tokens = new(StringComparer.Ordinal);
    private readonly Func<string, int?> _providerRpm;
    private readonly Func<string, int?> _providerTpm;

    public RateLimits(LimitsConfig config, Func<string, ProviderConfig?> provider, TimeProvider time)
    {
        _config = config;
        _time = time;
        _providerRpm = name => provider(name)?.RequestsPerMinute;
        _providerTpm = name => provider(name)?.TokensPerMinute;
        _requestLimiter = new(() => PartitionedRateLimiter.Create<string, string>(key => Rpm(key) is { } rpm
            ? RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = rpm,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = config.QueueMs > 0 ? 10_000 : 0,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(key)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Takes a request slot and reserves tokens for the agent and the provider, or returns a 429.</summary>
    public async ValueTask<(Reservation? Reservation, ProxyError? Error)> AcquireAsync(string agent, string provider, long reserveTokens, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "agent:" + agent, "provider:" + provider })
        {
            using var lease = await AcquireRequestAsync(key, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 10;
                return (null, TooMany($"{Describe(key)} requests/minute limit reached", retry));
            }
        }
        var windows = new List<TokenWindow>(2);
        foreach (var key in new[] { "agent:" + agent, "provider:" + provider })
        {
            if (TokenWindowFor(key) is not { } window)
            {
                continue;
            }
            var (ok, retry) = await ReserveAsync(window, reserveTokens, cancellationToken).ConfigureAwait(false);
            if (!ok)
            {
                windows.ForEach(w => w.Adjust(-reserveTokens));
                return (null, TooMany($"{Describe(key)} tokens/minute limit reached", retry));
            }
            windows.Add(window);
        }
        return (new Reservation(windows, reserveTokens), null);
    }

    private PartitionedRateLimiter<string> Requests => _requestLimiter.Value;

    public void Dispose()
    {
        if (_requestLimiter.IsValueCreated) _requestLimiter.Value.Dispose();
    }

    private int? Rpm(string key) => key.StartsWith("agent:", StringComparison.Ordinal)
        ? _config.AgentRequestsPerMinute
        : _providerRpm(key["provider:".Length..]);

    private TokenWindow? TokenWindowFor(string key)
    {
        var tpm = key.StartsWith("agent:", StringComparison.Ordinal) ? _config.AgentTokensPerMinute : _providerTpm(key["provider:".Length..]);
        return tpm is { } limit ? _tokens.GetOrAdd(key, _ => new TokenWindow(limit, _time)) : null;
    }

    private async ValueTask<RateLimitLease> AcquireRequestAsync(string key, CancellationToken cancellationToken)
    {
        var lease = Requests.AttemptAcquire(key);
        if (lease.IsAcquired || _config.QueueMs <= 0)
        {
            return lease;
        }
        lease.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_config.QueueMs);
        try
        {
            return await Requests.AcquireAsync(key, 1, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Requests.AttemptAcquire(key);
        }
    }

    private async ValueTask<(bool Ok, int RetryAfter)> ReserveAsync(TokenWindow window, long tokens, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp();
        while (true)
        {
            if (window.TryReserve(tokens, out var retry))
            {
                return (true, 0);
            }
            if (_time.GetElapsedTime(deadline).TotalMilliseconds + 50 > _config.QueueMs)
            {
                return (false, retry);
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(string key) => key.StartsWith("agent:", StringComparison.Ordinal)
        ? $"agent '{key[6..]}'"
        : $"provider '{key[9..]}'";

    private static ProxyError TooMany(string what, int retryAfter) => new(429, "rate_limit_error", "rate_limit_exceeded",
        $"{what}; retry after {retryAfter}s or raise it in godel.toml ([proxy.limits] or [proxy.providers.NAME])")
    {
        RetryAfterSeconds = retryAfter,
    };
}

/// <summary>Tokens reserved for one request; <see cref="Reconcile"/> replaces the reservation with the real count.</summary>
internal sealed class Reservation(List<TokenWindow> windows, long reserved)
{
    public void Reconcile(long actual)
    {
        foreach (var window in windows)
        {
            window.Adjust(actual - reserved);
        }
    }
}
