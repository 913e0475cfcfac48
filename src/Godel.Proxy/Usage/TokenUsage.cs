// Token counts of one request, normalised across Anthropic and OpenAI wire formats.
namespace Godel.Proxy.Usage;

/// <summary>Input excludes cached tokens; cache reads and writes are counted apart because they are priced apart.</summary>
public readonly record struct TokenUsage(long Input, long Output, long CacheRead, long CacheWrite)
{
    /// <summary>Every prompt token, cached or not.</summary>
    public long TotalInput => Input + CacheRead + CacheWrite;

    public long Total => TotalInput + Output;

    /// <summary>Keeps the larger of each count: streamed usage is cumulative, so the latest report wins.</summary>
    public TokenUsage Merge(TokenUsage other) => new(
        Math.Max(Input, other.Input),
        Math.Max(Output, other.Output),
        Math.Max(CacheRead, other.CacheRead),
        Math.Max(CacheWrite, other.CacheWrite));
}
