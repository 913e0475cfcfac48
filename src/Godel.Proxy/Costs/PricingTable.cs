// Model prices: a documented built-in table, overridable per model from [proxy.pricing].
using Godel.Config.Model;
using Godel.Proxy.Usage;

namespace Godel.Proxy.Costs;

/// <summary>
/// Lookup is exact first, then the longest configured prefix, so dated names (`claude-sonnet-4-5-20250929`,
/// `gpt-4o-mini-2024-07-18`) find their family. A model without a price has an unknown (null) cost, never $0.
/// </summary>
internal sealed class PricingTable
{
    /// <summary>
    /// USD per million tokens (input, output, cache read, cache write), from the public price pages
    /// anthropic.com/pricing and platform.openai.com/docs/pricing as of 2025-11. Anthropic cache writes are
    /// the 5-minute rate (1.25× input); OpenAI has no cache-write charge. Override in [proxy.pricing."model"].
    /// </summary>
    public static readonly IReadOnlyDictionary<string, ModelPrice> BuiltIn = new Dictionary<string, ModelPrice>(StringComparer.Ordinal)
    {
        ["claude-opus-4-5"] = Price(5, 25, 0.50m, 6.25m),
        ["claude-opus-4-1"] = Price(15, 75, 1.50m, 18.75m),
        ["claude-opus-4"] = Price(15, 75, 1.50m, 18.75m),
        ["claude-sonnet-4-5"] = Price(3, 15, 0.30m, 3.75m),
        ["claude-sonnet-4"] = Price(3, 15, 0.30m, 3.75m),
        ["claude-haiku-4-5"] = Price(1, 5, 0.10m, 1.25m),
        ["claude-haiku-4"] = Price(1, 5, 0.10m, 1.25m),
        ["claude-3-7-sonnet"] = Price(3, 15, 0.30m, 3.75m),
        ["claude-3-5-sonnet"] = Price(3, 15, 0.30m, 3.75m),
        ["claude-3-5-haiku"] = Price(0.80m, 4, 0.08m, 1.00m),
        ["claude-3-opus"] = Price(15, 75, 1.50m, 18.75m),
        ["claude-3-haiku"] = Price(0.25m, 1.25m, 0.03m, 0.30m),
        ["gpt-5"] = Price(1.25m, 10, 0.125m, 0),
        ["gpt-5-mini"] = Price(0.25m, 2, 0.025m, 0),
        ["gpt-5-nano"] = Price(0.05m, 0.40m, 0.005m, 0),
        ["gpt-4.1"] = Price(2, 8, 0.50m, 0),
        ["gpt-4.1-mini"] = Price(0.40m, 1.60m, 0.10m, 0),
        ["gpt-4.1-nano"] = Price(0.10m, 0.40m, 0.025m, 0),
        ["gpt-4o"] = Price(2.50m, 10, 1.25m, 0),
        ["gpt-4o-mini"] = Price(0.15m, 0.60m, 0.075m, 0),
        ["o1"] = Price(15, 60, 7.50m, 0),
        ["o1-mini"] = Price(1.10m, 4.40m, 0.55m, 0),
        ["o3"] = Price(2, 8, 0.50m, 0),
        ["o3-pro"] = Price(20, 80, 0, 0),
        ["o3-mini"] = Price(1.10m, 4.40m, 0.55m, 0),
        ["o4-mini"] = Price(1.10m, 4.40m, 0.275m, 0),
        ["mock"] = Price(0, 0, 0, 0),
    };

    private readonly Dictionary<string, ModelPrice> _prices;
    private readonly string[] _byLengthDesc;

    public PricingTable(IReadOnlyDictionary<string, ModelPrice> overrides)
    {
        _prices = new Dictionary<string, ModelPrice>(BuiltIn, StringComparer.Ordinal);
        foreach (var (model, price) in overrides)
        {
            _prices[model] = price;
        }
        _byLengthDesc = [.. _prices.Keys.OrderByDescending(k => k.Length)];
    }

    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }
        foreach (var key in _byLengthDesc)
        {
            if (model.StartsWith(key, StringComparison.Ordinal) && (model.Length == key.Length || model[key.Length] is '-' or '@' or ':'))
            {
                return _prices[key];
            }
        }
        return null;
    }

    /// <summary>USD for <paramref name="usage"/>; 0 when nothing was used; null when tokens were used but the model has no price.</summary>
    public decimal? Cost(string? model, TokenUsage usage)
    {
        if (usage.Input + usage.Output + usage.CacheRead + usage.CacheWrite == 0)
        {
            return 0;
        }
        if (Find(model) is not { } p)
        {
            return null;
        }
        return (usage.Input * p.InputPerMTok + usage.Output * p.OutputPerMTok
            + usage.CacheRead * p.CacheReadPerMTok + usage.CacheWrite * p.CacheWritePerMTok) / 1_000_000m;
    }

    private static ModelPrice Price(decimal input, decimal output, decimal cacheRead, decimal cacheWrite) =>
        new() { InputPerMTok = input, OutputPerMTok = output, CacheReadPerMTok = cacheRead, CacheWritePerMTok = cacheWrite };
}
