// What an upstream answered: status, headers and a body stream, whichever client produced it.
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Upstream;

/// <summary>
/// One upstream answer. Disposing it before its body was read to the end closes the connection under it (the
/// client went away, or the relay gave up); a body read to the end has already handed its connection back.
/// </summary>
internal abstract class UpstreamResponse : IDisposable
{
    public abstract int Status { get; }

    /// <summary>The media type of `Content-Type` without parameters (`text/event-stream`), or null.</summary>
    public abstract string? MediaType { get; }

    /// <summary>The decoded body (chunked framing removed).</summary>
    public abstract Stream Body { get; }

    /// <summary>Copies the status and end-to-end headers; `Content-Length` only when <paramref name="keepLength"/>.</summary>
    public abstract void CopyTo(HttpResponse to, bool keepLength);

    public abstract void Dispose();
}
