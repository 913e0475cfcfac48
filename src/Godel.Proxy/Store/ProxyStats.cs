// The numbers `godel proxy stats`, `GET /admin/stats` and the TUI's Costs screen show.
namespace Godel.Proxy.Store;

public sealed record UsageLine(string Name, long Requests, long TokensIn, long TokensOut, decimal CostUsd, long Errors, double AvgLatencyMs);

public sealed record ProxyStats
{
    public DateTimeOffset? Since { get; init; }
    public string? Agent { get; init; }
    public required UsageLine Totals { get; init; }

    /// <summary>One line per agent, most expensive first.</summary>
    public required IReadOnlyList<UsageLine> Agents { get; init; }

    /// <summary>One line per provider/model pair (`provider/model`), most expensive first.</summary>
    public required IReadOnlyList<UsageLine> Models { get; init; }

    public decimal SpentTodayUsd { get; init; }
    public decimal SpentTotalUsd { get; init; }

    /// <summary>Whether the log holds any prompt or reply text to search (false: text storage is off); null from an older proxy.</summary>
    public bool? TextStored { get; init; }

    /// <summary>Requests (in the selection) that used tokens of a model without a price: their cost is unknown, not in the sums.</summary>
    public long UnpricedRequests { get; init; }

    /// <summary>The models behind <see cref="UnpricedRequests"/>, as `provider/model`.</summary>
    public IReadOnlyList<string> UnpricedModels { get; init; } = [];

    /// <summary>Requests that found the audit queue full and waited for the writer since the proxy started (0 offline).</summary>
    public long AuditQueueFullWaits { get; init; }

    /// <summary>Things the reader of these numbers must know (unknown costs, audit backpressure), one sentence each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One full-text match in the audit log.</summary>
public sealed record SearchHit(long Id, DateTimeOffset Time, string Agent, string? Bead, string Provider, string? Model, string Snippet, double Rank);
