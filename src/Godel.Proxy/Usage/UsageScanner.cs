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
    /// <remarks>
    /// Instead of tokenizing the whole document, it looks for the property name itself (a vectorized search) and
    /// reads only the object after it. A `"usage"` whose opening quote is not escaped and which a colon follows can
    /// only be a property name in valid JSON (inside a string every quote is escaped), so nothing else matches.
    /// </remarks>
    public static bool TryScan(ReadOnlySpan<byte> json, out TokenUsage usage)
    {
        usage = default;
        var found = false;
        var from = 0;
        while (true)
        {
            var at = json[from..].IndexOf("\"usage\""u8);
            if (at < 0)
            {
                return found;
            }
            at += from;
            from = at + 7;
            if (IsEscaped(json, at))
            {
                continue;
            }
            var rest = json[from..].TrimStart(" \t\r\n"u8);
            if (rest is not [(byte)':', ..])
            {
                continue;
            }
            rest = rest[1..].TrimStart(" \t\r\n"u8);
            if (rest is not [(byte)'{', ..])
            {
                // `"usage": null` (OpenAI stream chunks) or a non-object: not a count.
                continue;
            }
            try
            {
                var reader = new Utf8JsonReader(rest);
                reader.Read();
                usage = usage.Merge(ReadUsage(ref reader));
                found = true;
            }
            catch (JsonException)
            {
                // A usage object cut short (a capped capture, a broken stream): what was before it still counts.
            }
        }
    }

    /// <summary>Whether the quote at <paramref name="quote"/> is preceded by an odd number of backslashes.</summary>
    private static bool IsEscaped(ReadOnlySpan<byte> json, int quote)
    {
        var slashes = 0;
        for (var i = quote - 1; i >= 0 && json[i] == (byte)'\\'; i--)
        {
            slashes++;
        }
        return slashes % 2 == 1;
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
