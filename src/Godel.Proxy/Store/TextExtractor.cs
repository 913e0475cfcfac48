// Pulls human text (prompts, replies, streamed deltas) out of request and response JSON for the FTS index.
using System.Text;
using System.Text.Json;

namespace Godel.Proxy.Store;

internal static class TextExtractor
{
    /// <summary>Strings under these property names are message text in one of the supported formats.</summary>
    private static bool IsTextProperty(ref Utf8JsonReader r) =>
        r.ValueTextEquals("text"u8) || r.ValueTextEquals("content"u8) || r.ValueTextEquals("system"u8)
        || r.ValueTextEquals("input"u8) || r.ValueTextEquals("instructions"u8) || r.ValueTextEquals("delta"u8)
        || r.ValueTextEquals("partial_json"u8) || r.ValueTextEquals("arguments"u8);

    /// <summary>Text of a JSON body, or of every `data:` event of an SSE stream (pieces joined without separators).</summary>
    public static string Extract(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        var span = body.AsSpan();
        var trimmed = span.TrimStart(" \r\n\t"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            Collect(trimmed, text, "\n");
            return text.ToString().Trim();
        }
        foreach (var range in span.Split((byte)'\n'))
        {
            var line = span[range].TrimEnd((byte)'\r');
            if (line.StartsWith("data:"u8))
            {
                Collect(line[5..].TrimStart((byte)' '), text, "");
            }
        }
        return text.ToString().Trim();
    }

    private static void Collect(ReadOnlySpan<byte> json, StringBuilder text, string separator)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            var take = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    take = IsTextProperty(ref reader);
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    if (take)
                    {
                        if (text.Length > 0)
                        {
                            text.Append(separator);
                        }
                        text.Append(reader.GetString());
                    }
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    take = false;
                }
            }
        }
        catch (JsonException)
        {
            // A truncated body (interrupted stream) still yields the text before the cut.
        }
    }
}
