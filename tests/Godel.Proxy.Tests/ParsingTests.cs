// Pure parsers: request facts, usage in every format, prices, listen addresses, --since.
using System.Text;
using Godel.Proxy.Admin;
using Godel.Proxy.Costs;
using Godel.Proxy.Pipeline;
using Godel.Proxy.Usage;

namespace Godel.Proxy.Tests;

public sealed class ParsingTests
{
    [Fact]
    public void Request_facts_find_top_level_fields_only()
    {
        var body = """{"messages":[{"model":"inner","stream":false}],"model":"gpt-4o","max_completion_tokens":77,"stream":true,"stream_options":{"include_usage":false},"tools":[{"x":1}]}"""u8;
        Assert.True(RequestFacts.TryScan(body, out var f, out _));
        Assert.Equal("gpt-4o", f.Model);
        Assert.Equal(77, f.MaxTokens);
        Assert.True(f.Stream);
        Assert.True(f.HasStreamOptions);
        Assert.False(f.IncludeUsage);
        Assert.True(f.HasTools);
        Assert.Equal(body.Length - 1, f.RootEndIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} trailing")]
    public void Request_facts_reject_non_objects(string body)
    {
        Assert.False(RequestFacts.TryScan(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Injected_stream_options_keep_the_body_valid_json()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","stream":true} """);
        RequestFacts.TryScan(body, out var facts, out _);
        var injected = StreamOptionsInjector.Inject(body, facts);
        Assert.Equal("""{"model":"m","stream":true,"stream_options":{"include_usage":true}} """, Encoding.UTF8.GetString(injected.Span));

        var withOptions = Encoding.UTF8.GetBytes("""{"stream":true,"stream_options":{"x":1}}""");
        RequestFacts.TryScan(withOptions, out facts, out _);
        Assert.Contains("\"include_usage\":true", Encoding.UTF8.GetString(StreamOptionsInjector.Inject(withOptions, facts).Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"usage":{"input_tokens":10,"cache_read_input_tokens":5,"cache_creation_input_tokens":2,"output_tokens":7}}""", 10, 7, 5, 2)]
    [InlineData("""{"usage":{"prompt_tokens":20,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":8}}}""", 12, 3, 8, 0)]
    [InlineData("""{"type":"response.completed","response":{"usage":{"input_tokens":9,"input_tokens_details":{"cached_tokens":0},"output_tokens":4}}}""", 9, 4, 0, 0)]
    [InlineData("""{"usage":null,"choices":[]}""", 0, 0, 0, 0)]
    // Text that quotes a usage object is not one: its quotes are escaped (an even run of backslashes is not).
    [InlineData("""{"content":"see \"usage\": {\"input_tokens\": 999}","usage":{"input_tokens":3,"output_tokens":1}}""", 3, 1, 0, 0)]
    [InlineData("""{"content":"ends with a backslash\\","usage" : { "input_tokens" : 4 , "output_tokens" : 2 } }""", 4, 2, 0, 0)]
    [InlineData("""{"type":"usage","x":{"usage":{"output_tokens":5}}}""", 0, 5, 0, 0)]
    [InlineData("""{"x\"usage":{"input_tokens":9}}""", 0, 0, 0, 0)]
    // A capture cut inside the usage object counts nothing rather than a partial figure.
    [InlineData("""{"id":"x","usage":{"input_tokens":7,"output_tok""", 0, 0, 0, 0)]
    public void Usage_is_read_from_every_format(string json, long input, long output, long cacheRead, long cacheWrite)
    {
        UsageScanner.TryScan(Encoding.UTF8.GetBytes(json), out var usage);
        Assert.Equal(new TokenUsage(input, output, cacheRead, cacheWrite), usage);
    }

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929", 3)]
    [InlineData("claude-opus-4-1", 15)]
    [InlineData("claude-opus-4-5", 5)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15)]
    [InlineData("gpt-4o", 2.5)]
    [InlineData("o3-mini", 1.1)]
    public void Prices_match_the_longest_family_name(string model, double inputPerMTok)
    {
        var table = new PricingTable(new Dictionary<string, Config.Model.ModelPrice>());
        Assert.Equal((decimal)inputPerMTok, table.Find(model)!.InputPerMTok);
        Assert.Null(table.Find("gpt-4oops"));
    }

    [Fact]
    public void Configured_prices_override_the_built_in_table()
    {
        var table = new PricingTable(new Dictionary<string, Config.Model.ModelPrice> { ["gpt-4o"] = new() { InputPerMTok = 1, OutputPerMTok = 2 } });
        Assert.Equal(3e-6m, table.Cost("gpt-4o-2024-08-06", new TokenUsage(1, 1, 0, 0)));
    }

    [Theory]
    [InlineData("127.0.0.1:0", true)]
    [InlineData("[::1]:8443", true)]
    [InlineData("localhost:8080", true)]
    [InlineData(":9000", true)]
    [InlineData("nonsense", false)]
    public void Listen_addresses(string text, bool ok) => Assert.Equal(ok, ListenAddress.TryParse(text, out _));

    [Fact]
    public void Since_accepts_spans_and_dates()
    {
        var now = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
        Assert.True(SinceParser.TryParse("24h", now, out var a));
        Assert.Equal(now.AddDays(-1), a);
        Assert.True(SinceParser.TryParse("2026-01-01", now, out var b));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), b);
        Assert.False(SinceParser.TryParse("yesterday-ish", now, out _));
    }
}
