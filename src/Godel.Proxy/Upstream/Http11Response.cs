// An upstream answer read by Http11Client: the parsed head plus the body stream over the connection.
using Godel.Proxy.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Upstream;

internal sealed class Http11Response(ResponseHead head, Http11Body body) : UpstreamResponse
{
    public override int Status => head.Status;
    public override string? MediaType => head.MediaType;
    public override Stream Body => body;

    public override void CopyTo(HttpResponse to, bool keepLength)
    {
        to.StatusCode = head.Status;
        foreach (var (name, value) in head.Headers)
        {
            if (Headers.ForwardsResponse(name, keepLength))
            {
                to.Headers.Append(name, value);
            }
        }
    }

    public override void Dispose() => body.Dispose();
}
