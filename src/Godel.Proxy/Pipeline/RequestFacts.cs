// What the proxy needs to know about a request body, found with one forward-only Utf8JsonReader pass (no DOM).
using System.Text.Json;

namespace Godel.Proxy.Pipeline;

/// <summary>The few top-level fields of an LLM request that limits, costs and usage depend on.</summary>
internal readonly record struct RequestFacts(
    string? Model,
    int? MaxTokens,
    bool Stream,
    bool HasStreamOptions,
    bool IncludeUsage,
    bool HasTools,
    bool HasRouting,
    int RootEndIndex)
{
    /// <summary>Scans the root object; returns false (with a message) when the body is not a JSON object.</summary>
    public static bool TryScan(ReadOnlySpan<byte> body, out RequestFacts facts, out string error)
    {
        facts = default;
        error = "";
        if (body.IsEmpty)
        {
            error = "request body is empty; expected a JSON object";
            return false;
        }
        try
        {
            facts = Scan(body);
            return true;
        }
        catch (JsonException e)
        {
            error = e.BytePositionInLine is { } at ? $"malformed JSON at byte {at}: {FirstLine(e.Message)}" : $"malformed JSON: {FirstLine(e.Message)}";
            return false;
        }
        catch (InvalidOperationException e)
        {
            error = $"malformed JSON: {FirstLine(e.Message)}";
            return false;
        }
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('.', StringComparison.Ordinal);
        return i > 0 ? s[..i] : s;
    }

    private static RequestFacts Scan(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the body must be a JSON object");
        }
        string? model = null;
        int? maxTokens = null;
        bool stream = false, hasStreamOptions = false, includeUsage = false, hasTools = false, hasRouting = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                var end = (int)reader.TokenStartIndex;
                if (reader.Read())
                {
                    throw new JsonException("unexpected data after the JSON object");
                }
                return new RequestFacts(model, maxTokens, stream, hasStreamOptions, includeUsage, hasTools, hasRouting, end);
            }
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }
            if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                model = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("max_tokens"u8) || reader.ValueTextEquals("max_completion_tokens"u8) || reader.ValueTextEquals("max_output_tokens"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n))
                {
                    maxTokens = n;
                }
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                reader.Read();
                stream = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("stream_options"u8))
            {
                reader.Read();
                hasStreamOptions = reader.TokenType == JsonTokenType.StartObject;
                includeUsage = hasStreamOptions && ReadIncludeUsage(ref reader);
            }
            else if (reader.ValueTextEquals("tools"u8))
            {
                reader.Read();
                hasTools = reader.TokenType == JsonTokenType.StartArray && HasElements(ref reader);
            }
            else if (reader.ValueTextEquals("routing"u8))
            {
                hasRouting = true;
                reader.Read();
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        throw new JsonException("the JSON object is not closed");
    }

    private static bool ReadIncludeUsage(ref Utf8JsonReader reader)
    {
        var include = false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("include_usage"u8))
            {
                reader.Read();
                include = reader.TokenType == JsonTokenType.True;
            }
        }
        return include;
    }

    private static bool HasElements(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var any = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
        {
            any = true;
            reader.Skip();
        }
        return any;
    }
}
