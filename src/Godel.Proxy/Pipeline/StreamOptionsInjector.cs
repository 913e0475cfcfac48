// Adds `stream_options.include_usage` to OpenAI chat streaming requests, so every stream reports its usage.
using System.Text;
using System.Text.Json.Nodes;

namespace Godel.Proxy.Pipeline;

internal static class StreamOptionsInjector
{
    private static readonly byte[] Member = Encoding.UTF8.GetBytes(",\"stream_options\":{\"include_usage\":true}");

    /// <summary>The body with usage requested; inserted before the root's closing brace, no re-serialisation.</summary>
    public static ReadOnlyMemory<byte> Inject(ReadOnlyMemory<byte> body, RequestFacts facts)
    {
        if (facts.HasStreamOptions)
        {
            // Rare: the client sent stream_options without include_usage. Rewrite through a DOM.
            var node = JsonNode.Parse(body.Span)!.AsObject();
            node["stream_options"]!.AsObject()["include_usage"] = true;
            return Encoding.UTF8.GetBytes(node.ToJsonString());
        }
        var result = new byte[body.Length + Member.Length];
        body.Span[..facts.RootEndIndex].CopyTo(result);
        Member.CopyTo(result, facts.RootEndIndex);
        body.Span[facts.RootEndIndex..].CopyTo(result.AsSpan(facts.RootEndIndex + Member.Length));
        return result;
    }
}
