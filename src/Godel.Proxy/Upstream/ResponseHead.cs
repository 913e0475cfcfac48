// A parsed HTTP/1.1 response head: status, headers in arrival order, and how the body is framed.
namespace Godel.Proxy.Upstream;

internal enum BodyFraming
{
    /// <summary>No body (HEAD, 204, 304, or `Content-Length: 0`).</summary>
    None,

    /// <summary>Exactly <see cref="ResponseHead.ContentLength"/> bytes follow.</summary>
    Length,

    /// <summary>`Transfer-Encoding: chunked`.</summary>
    Chunked,

    /// <summary>Neither length nor chunking: the body ends when the server closes the connection.</summary>
    UntilClose,
}

internal sealed class ResponseHead
{
    public required int Status { get; init; }

    /// <summary>Name/value pairs as received; a repeated header appears once per line.</summary>
    public required List<KeyValuePair<string, string>> Headers { get; init; }

    public required BodyFraming Framing { get; init; }
    public long ContentLength { get; init; }

    /// <summary>False when the server asked to close (`Connection: close`, HTTP/1.0) or the body runs until close.</summary>
    public required bool KeepAlive { get; init; }

    public string? MediaType { get; init; }
}
