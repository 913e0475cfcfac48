// Writes the HTTP/1.1 request line and headers sent upstream: the caller's end-to-end headers, the provider's key.
using System.Buffers;
using System.Text;
using Godel.Config.Model;
using Godel.Proxy.Pipeline;
using Godel.Proxy.Providers;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Upstream;

internal static class RequestHead
{
    /// <summary>Bodies up to this size go out in the same write as the head (one segment on the wire).</summary>
    internal const int InlineBody = 64 * 1024;

    /// <summary>Path characters sent as they are (RFC 3986 pchar and '/', not '%'); any other makes the path percent-encoded.</summary>
    private static readonly SearchValues<char> PathSafe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");

    /// <summary>
    /// Rents a buffer holding the head (and the payload after it when it is at most <see cref="InlineBody"/>
    /// bytes; <paramref name="bodyIncluded"/> says so). Return it to <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static byte[] Build(ProxyCall call, ProviderEntry provider, UpstreamOrigin origin, ReadOnlySpan<byte> payload, out int length, out bool bodyIncluded)
    {
        bodyIncluded = payload.Length <= InlineBody;
        var size = 2048 + (bodyIncluded ? payload.Length : 0);
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(size);
            var writer = new HeadWriter(buffer);
            Write(ref writer, call, provider, origin, payload.Length);
            if (bodyIncluded)
            {
                writer.Bytes(payload);
            }
            if (!writer.Overflowed)
            {
                length = writer.Position;
                return buffer;
            }
            ArrayPool<byte>.Shared.Return(buffer);
            size = buffer.Length * 2;
        }
    }

    private static void Write(ref HeadWriter w, ProxyCall call, ProviderEntry provider, UpstreamOrigin origin, int payloadLength)
    {
        var http = call.Context.Request;
        w.Text(http.Method);
        w.Bytes(" "u8);
        WritePath(ref w, origin.BasePath, call.Path, call.WirePath);
        w.Text(http.QueryString.Value);
        w.Bytes(" HTTP/1.1\r\n"u8);
        w.Bytes(origin.HostHeader);
        var hasContentType = false;
        foreach (var (name, values) in http.Headers)
        {
            if (!Headers.ForwardsRequest(name))
            {
                continue;
            }
            hasContentType |= name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
            foreach (var value in values)
            {
                w.Header(name, value);
            }
        }
        var sendsBody = payloadLength > 0 || HttpMethods.IsPost(http.Method) || HttpMethods.IsPut(http.Method) || HttpMethods.IsPatch(http.Method);
        if (sendsBody)
        {
            w.Bytes("Content-Length: "u8);
            w.Number(payloadLength);
            w.Bytes("\r\n"u8);
            if (!hasContentType)
            {
                w.Bytes("Content-Type: application/json\r\n"u8);
            }
        }
        if (provider.ApiKey is { } key)
        {
            if (provider.Type == ProviderType.Anthropic)
            {
                w.Header("x-api-key", key);
            }
            else
            {
                w.Bytes("Authorization: Bearer "u8);
                w.Text(key);
                w.Bytes("\r\n"u8);
            }
        }
        w.Bytes("\r\n"u8);
    }

    /// <summary>
    /// The base path, then the path below the provider: as the client encoded it when known, else encoded again. A
    /// base ending in /v1 is not doubled (`v1/messages`).
    /// </summary>
    private static void WritePath(ref HeadWriter w, string basePath, string path, string? wirePath)
    {
        var doubled = basePath.EndsWith("/v1", StringComparison.Ordinal);
        w.Text(basePath);
        if (wirePath is not null)
        {
            // Kestrel accepted this target, so it holds no space, CR or LF: it goes on the wire as it came.
            w.Bytes("/"u8);
            w.Text(doubled && wirePath.StartsWith("v1/", StringComparison.Ordinal) ? wirePath[3..] : wirePath);
            return;
        }
        if (doubled && path.StartsWith("v1/", StringComparison.Ordinal))
        {
            path = path[3..];
        }
        if (path.AsSpan().ContainsAnyExcept(PathSafe))
        {
            // The route saw the decoded path; what goes upstream is encoded again (spaces, non-ASCII, …).
            w.Text(new PathString("/" + path).ToUriComponent());
        }
        else
        {
            w.Bytes("/"u8);
            w.Text(path);
        }
    }

    /// <summary>Writes into a fixed buffer; past its end it only notes the overflow (the caller retries bigger).</summary>
    private ref struct HeadWriter(byte[] buffer)
    {
        private readonly Span<byte> _span = buffer;

        public int Position { get; private set; }
        public bool Overflowed { get; private set; }

        public void Bytes(scoped ReadOnlySpan<byte> bytes)
        {
            if (Overflowed || !bytes.TryCopyTo(_span[Position..]))
            {
                Overflowed = true;
                return;
            }
            Position += bytes.Length;
        }

        /// <summary>Header text is Latin-1 on the wire (RFC 9110 §5.5); Kestrel has already refused CR, LF and NUL in what it accepted.</summary>
        public void Text(string? text)
        {
            if (string.IsNullOrEmpty(text) || Overflowed)
            {
                return;
            }
            if (text.Length > _span.Length - Position)
            {
                Overflowed = true;
                return;
            }
            Position += Encoding.Latin1.GetBytes(text, _span[Position..]);
        }

        public void Header(string name, string? value)
        {
            Text(name);
            Bytes(": "u8);
            Text(value);
            Bytes("\r\n"u8);
        }

        public void Number(int value)
        {
            if (Overflowed || !value.TryFormat(_span[Position..], out var written, default, System.Globalization.CultureInfo.InvariantCulture))
            {
                Overflowed = true;
                return;
            }
            Position += written;
        }
    }
}
