// The hot path: `/proxy/...` requests go straight to their handler, ahead of endpoint routing and any middleware.
using Godel.Proxy.Errors;
using Godel.Proxy.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Pipeline;

/// <summary>
/// Two fixed shapes (`POST /proxy/v1/chat/completions` and `/proxy/{provider}/{**path}`) are matched with two
/// string comparisons instead of the route matcher; everything else (health, admin) falls through to routing.
/// </summary>
internal sealed class ProxyDispatch(ProxyServices services, RoutedEndpoint routed, PassThroughEndpoint passThrough)
{
    private const string Prefix = "/proxy/";
    private const string RoutedPath = "v1/chat/completions";

    /// <summary>The handling task, or null when the request is not a proxy call.</summary>
    public Task? TryHandle(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path.AsSpan(Prefix.Length);
        if (rest.SequenceEqual(RoutedPath) && HttpMethods.IsPost(context.Request.Method))
        {
            return RoutedAsync(context);
        }
        var slash = rest.IndexOf('/');
        var provider = slash < 0 ? rest : rest[..slash];
        if (provider.IsEmpty)
        {
            return null;
        }
        return PassThroughAsync(context, provider.ToString(), slash < 0 ? "" : rest[(slash + 1)..].ToString());
    }

    private async Task RoutedAsync(HttpContext context)
    {
        try
        {
            await routed.HandleAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(context, e).ConfigureAwait(false);
        }
    }

    private async Task PassThroughAsync(HttpContext context, string provider, string path)
    {
        try
        {
            await passThrough.HandleAsync(context, provider, path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(context, e).ConfigureAwait(false);
        }
    }

    /// <summary>Last line of defence: an unexpected failure becomes a JSON 500, logged without a stack trace in the reply.</summary>
    private async Task FailAsync(HttpContext context, Exception e)
    {
        services.Logger.LogError("proxy: {Path} failed: {Type}: {Message}", context.Request.Path, e.GetType().Name, e.Message);
        if (context.Response.HasStarted)
        {
            return;
        }
        await new ProxyError(500, "api_error", "internal_error", "the proxy failed to handle this request; see the proxy log")
            .WriteAsync(context, ErrorShapes.ForPath(context.Request.Path.Value ?? "")).ConfigureAwait(false);
    }
}
