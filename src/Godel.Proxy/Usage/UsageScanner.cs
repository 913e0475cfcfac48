// Finds a `usage` object anywhere in a JSON document and reads its counts, whatever the provider's format.
using System.Text.Json;

namespace Godel.Proxy.Usage;

/// <summary>
/// One scanner for every format: Anthropic (`input_tokens`, `output_tokens`, `cache_*`), OpenAI chat
/// (`prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens`) and OpenAI responses
/// (`input_tokens`, `output_tokens`, `input_tokens_details.cached_tokens`). Works on a whole body or one SSE event.
/// </summary>
internal static class UsageScanner
{
    /// <summary>Returns true when a non-null `usage` object was found.</summary>
    public static bool TryScan(ReadOnlySpan<byte> json, out TokenUsage usage)
    {
        usage = default;
        if (json.IndexOf("\"usage\""u8) < 0)
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(json);
            var found = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        usage = usage.Merge(ReadUsage(ref reader));
                        found = true;
                    }
                }
            }
            return found;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TokenUsage ReadUsage(ref Utf8JsonReader reader)
    {
        long input = 0, output = 0, cacheRead = 0, cacheWrite = 0, cached = 0;
        bool openAiPrompt = false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            if (reader.ValueTextEquals("input_tokens"u8)) input = ReadLong(ref reader);
            else if (reader.ValueTextEquals("prompt_tokens"u8)) { input = ReadLong(ref reader); openAiPrompt = true; }
            else if (reader.ValueTextEquals("output_tokens"u8) || reader.ValueTextEquals("completion_tokens"u8)) output = ReadLong(ref reader);
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8)) cacheRead = ReadLong(ref reader);
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8)) cacheWrite = ReadLong(ref reader);
            else if (reader.ValueTextEquals("cached_tokens"u8)) cached = ReadLong(ref reader);
        }
        if (cached > 0 && (openAiPrompt || cacheRead == 0))
        {
            // OpenAI counts cached tokens inside the prompt total; Anthropic counts them apart.
            cacheRead = cached;
            input = Math.Max(0, input - cached);
        }
        return new TokenUsage(input, output, cacheRead, cacheWrite);
    }

    private static long ReadLong(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : 0;
    }
}
