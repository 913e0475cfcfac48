// Parses an HTTP/1.1 response head (RFC 9112 §4–6) from bytes: pure, so framing rules are unit-tested without sockets.
using System.Text;

namespace Godel.Proxy.Upstream;

internal static class ResponseHeadParser
{
    /// <summary>Names most answers carry, in the spellings providers send: matched bytewise, so they cost no allocation.</summary>
    private static readonly string[] KnownNames =
    [
        "Content-Type", "Content-Length", "Date", "Server", "Connection", "Transfer-Encoding", "Cache-Control", "Vary",
        "content-type", "content-length", "date", "server", "connection", "transfer-encoding", "cache-control", "vary",
        "x-request-id", "request-id", "openai-processing-ms", "openai-version", "cf-ray", "Keep-Alive",
    ];

    private static readonly byte[][] KnownBytes = [.. KnownNames.Select(Encoding.ASCII.GetBytes)];

    /// <summary>
    /// Parses the head at the start of <paramref name="data"/>. Returns false when the blank line ending the head has
    /// not arrived yet; throws <see cref="UpstreamException"/> when the bytes are not an HTTP/1.x response head.
    /// <paramref name="consumed"/> is the head's length including the blank line.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, bool requestWasHead, out ResponseHead? head, out int consumed)
    {
        head = null;
        consumed = 0;
        var pos = 0;
        if (!TryLine(data, ref pos, out var statusLine))
        {
            return false;
        }
        // "HTTP/1.1 200 OK": version, space, three digits, then an optional reason.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !IsDigit(statusLine[9]) || !IsDigit(statusLine[10]) || !IsDigit(statusLine[11]) || (statusLine.Length > 12 && statusLine[12] != (byte)' '))
        {
            throw new UpstreamException($"upstream answered something that is not an HTTP/1.x response ('{Printable(statusLine)}')");
        }
        var http10 = statusLine[7] == (byte)'0';
        var status = (statusLine[9] - '0') * 100 + (statusLine[10] - '0') * 10 + (statusLine[11] - '0');
        var headers = new List<KeyValuePair<string, string>>(12);
        long? contentLength = null;
        string? transferEncoding = null;
        string? mediaType = null;
        var close = http10;
        while (true)
        {
            if (!TryLine(data, ref pos, out var line))
            {
                return false;
            }
            if (line.IsEmpty)
            {
                break;
            }
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t' || line[..colon].ContainsAny((byte)' ', (byte)'\t'))
            {
                throw new UpstreamException($"upstream sent a malformed header line ('{Printable(line)}')");
            }
            var name = NameOf(line[..colon]);
            var value = Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8));
            headers.Add(new(name, value));
            // The four names framing depends on have distinct lengths: one length test rules out the rest.
            switch (name.Length)
            {
                case 14 when name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase):
                    if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                        || (contentLength is { } seen && seen != n))
                    {
                        throw new UpstreamException($"upstream sent an invalid Content-Length ('{value}')");
                    }
                    contentLength = n;
                    break;
                case 17 when name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase):
                    transferEncoding = transferEncoding is null ? value : transferEncoding + ", " + value;
                    break;
                case 10 when name.Equals("Connection", StringComparison.OrdinalIgnoreCase):
                    close |= value.Contains("close", StringComparison.OrdinalIgnoreCase);
                    break;
                case 12 when name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase):
                    mediaType = MediaTypeOf(value);
                    break;
            }
        }
        consumed = pos;
        BodyFraming framing;
        if (requestWasHead || status is 204 or 304 || (status is >= 100 and < 200))
        {
            framing = BodyFraming.None;
        }
        else if (transferEncoding is not null)
        {
            // RFC 9112 §6.1: chunked must be the final coding; otherwise the body runs until close. Content-Length is ignored.
            framing = transferEncoding.TrimEnd().EndsWith("chunked", StringComparison.OrdinalIgnoreCase) ? BodyFraming.Chunked : BodyFraming.UntilClose;
        }
        else if (contentLength is { } length)
        {
            framing = length == 0 ? BodyFraming.None : BodyFraming.Length;
        }
        else
        {
            framing = BodyFraming.UntilClose;
        }
        head = new ResponseHead
        {
            Status = status,
            Headers = headers,
            Framing = framing,
            ContentLength = contentLength ?? 0,
            KeepAlive = !close && framing != BodyFraming.UntilClose,
            MediaType = mediaType,
        };
        return true;
    }

    /// <summary>Next line without its CRLF (a bare LF is accepted, RFC 9112 §2.2); false when no line end has arrived.</summary>
    private static bool TryLine(ReadOnlySpan<byte> data, ref int pos, out ReadOnlySpan<byte> line)
    {
        var rest = data[pos..];
        var lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            line = default;
            return false;
        }
        line = lf > 0 && rest[lf - 1] == (byte)'\r' ? rest[..(lf - 1)] : rest[..lf];
        pos += lf + 1;
        return true;
    }

    /// <summary>`application/json; charset=utf-8` → `application/json`, lower-cased; the two every answer carries are not copied.</summary>
    private static string MediaTypeOf(string value)
    {
        var type = value.AsSpan();
        var semi = type.IndexOf(';');
        type = (semi < 0 ? type : type[..semi]).Trim();
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return "application/json";
        }
        if (type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return "text/event-stream";
        }
        return type.ToString().ToLowerInvariant();
    }

    private static string NameOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < KnownBytes.Length; i++)
        {
            if (name.SequenceEqual(KnownBytes[i]))
            {
                return KnownNames[i];
            }
        }
        return Encoding.Latin1.GetString(name);
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>At most 80 characters of a bad line, control bytes shown as '?', for an error message.</summary>
    private static string Printable(ReadOnlySpan<byte> line)
    {
        var text = Encoding.Latin1.GetString(line[..Math.Min(line.Length, 80)]);
        return string.Create(text.Length, text, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] < ' ' || s[i] == '\x7f' ? '?' : s[i];
            }
        });
    }
}
