// The checks every proxied request passes before anything goes upstream: token, body size, JSON shape.
using Godel.Proxy.Errors;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal static class Admission
{
    /// <summary>The admitted call and its pooled body (dispose after forwarding), or null once an error was written.</summary>
    public static async Task<(ProxyCall Call, RequestBody Body)?> AdmitAsync(HttpContext context, ProxyServices services, ErrorShape shape, string path, string? wirePath = null)
    {
        var who = AgentAuth.Agent(context.Request, services.Tokens);
        if (who is null)
        {
            await ProxyError.Unauthorized("missing or invalid proxy token: send the agent's Godel token as x-api-key or Authorization: Bearer")
                .WriteAsync(context, shape).ConfigureAwait(false);
            return null;
        }
        var body = await RequestBody.ReadAsync(context.Request, services.Config.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await ProxyError.TooLarge(services.Config.MaxBodyBytes).WriteAsync(context, shape).ConfigureAwait(false);
            return null;
        }
        var facts = default(RequestFacts);
        // A body labelled JSON, or one that starts like JSON under another label (curl -d sends form-urlencoded),
        // must parse: a malformed one is the caller's 400 here, not a confusing answer from upstream.
        if (body.Length > 0 && (IsJson(context.Request) || LooksLikeJson(body.Span)) && !RequestFacts.TryScan(body.Span, out facts, out var error))
        {
            body.Dispose();
            await ProxyError.BadRequest(error).WriteAsync(context, shape).ConfigureAwait(false);
            return null;
        }
        var call = new ProxyCall
        {
            Context = context, Who = who, Facts = facts, Path = path, WirePath = wirePath, Body = body.Memory, Payload = body.Memory, Shape = shape,
        };
        return (call, body);
    }

    /// <summary>Some clients omit or mislabel the content type; a body starting with `{` is still read for limits and costs.</summary>
    private static bool LooksLikeJson(ReadOnlySpan<byte> body) => body.TrimStart(" \t\r\n"u8) is [(byte)'{', ..];

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is not { } type || type.Contains("json", StringComparison.OrdinalIgnoreCase);
}
