// Pulls human text (prompts, replies, streamed deltas) out of request and response JSON for the FTS index.
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Godel.Proxy.Store;

internal static class TextExtractor
{
    /// <summary>Strings under these property names are message text in one of the supported formats.</summary>
    private static bool IsTextProperty(ref Utf8JsonReader r) =>
        r.ValueTextEquals("text"u8) || r.ValueTextEquals("content"u8) || r.ValueTextEquals("system"u8)
        || r.ValueTextEquals("input"u8) || r.ValueTextEquals("instructions"u8) || r.ValueTextEquals("delta"u8)
        || r.ValueTextEquals("partial_json"u8) || r.ValueTextEquals("arguments"u8);

    /// <summary>Text of a JSON body, or of every `data:` event of an SSE stream (pieces joined without separators).</summary>
    public static string Extract(byte[]? body) => Encoding.UTF8.GetString(ExtractUtf8(body, new ArrayBufferWriter<byte>()));

    /// <summary>
    /// The same text as UTF-8 in <paramref name="text"/> (cleared first; the result is a trimmed view of it), so the
    /// writer binds it to SQLite with no string in between. Invalid UTF-8 from an upstream becomes U+FFFD: it must
    /// never throw, an exception here would stop the audit writer.
    /// </summary>
    public static ReadOnlySpan<byte> ExtractUtf8(byte[]? body, ArrayBufferWriter<byte> text)
    {
        text.ResetWrittenCount();
        if (body is null || body.Length == 0)
        {
            return [];
        }
        var span = body.AsSpan();
        var trimmed = span.TrimStart(" \r\n\t"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            Collect(trimmed, text, "\n"u8);
        }
        else
        {
            foreach (var range in span.Split((byte)'\n'))
            {
                var line = span[range].TrimEnd((byte)'\r');
                if (line.StartsWith("data:"u8))
                {
                    Collect(line[5..].TrimStart((byte)' '), text, ""u8);
                }
            }
        }
        return text.WrittenSpan.Trim(" \r\n\t\f\v"u8);
    }

    private static void Collect(ReadOnlySpan<byte> json, ArrayBufferWriter<byte> text, ReadOnlySpan<byte> separator)
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
                        if (text.WrittenCount > 0)
                        {
                            text.Write(separator);
                        }
                        Append(ref reader, text);
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

    /// <summary>Appends the current string token, unescaped, as valid UTF-8.</summary>
    private static void Append(ref Utf8JsonReader reader, ArrayBufferWriter<byte> text)
    {
        var value = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            AppendValid(value, text);
            return;
        }
        var into = text.GetSpan(value.Length);
        int length;
        try
        {
            length = reader.CopyString(into);
        }
        catch (InvalidOperationException)
        {
            AppendValid(value, text);
            return;
        }
        if (Utf8.IsValid(into[..length]))
        {
            text.Advance(length);
        }
        else
        {
            AppendValid(into[..length].ToArray(), text);
        }
    }

    private static void AppendValid(ReadOnlySpan<byte> utf8, ArrayBufferWriter<byte> text)
    {
        if (Utf8.IsValid(utf8))
        {
            text.Write(utf8);
            return;
        }
        text.Write(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8)));
    }
}
