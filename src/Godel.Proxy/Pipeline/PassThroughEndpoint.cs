// `/proxy/{provider}/{**path}`: native pass-through to one named provider, byte-for-byte both ways.
using Godel.Proxy.Errors;
using Godel.Proxy.Providers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Godel.Proxy.Pipeline;

internal sealed class PassThroughEndpoint(ProxyServices services, Forwarder forwarder)
{
    /// <param name="name">The `{provider}` segment.</param>
    /// <param name="path">Everything after it, without a leading slash (`v1/messages`).</param>
    public async Task HandleAsync(HttpContext context, string name, string path)
    {
        if (!services.Providers.TryResolve(name, path, out var provider))
        {
            await ProxyError.NotFound($"unknown provider '{name}': configure it as [proxy.providers.{name}] in godel.toml")
                .WriteAsync(context, ErrorShapes.ForPath(path)).ConfigureAwait(false);
            return;
        }
        var call = await Admission.AdmitAsync(context, services, provider.ShapeFor(path), path, WirePathBelowProvider(context)).ConfigureAwait(false);
        if (call is null)
        {
            return;
        }
        using (call.Value.Body)
        {
            await forwarder.ForwardAsync(call.Value.Call, [provider], fallbackAllowed: false).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The raw, still percent-encoded path after `/proxy/{provider}/` in the request target (routing only sees the
    /// decoded form, which cannot tell `%2F` from `%252F`); null when the target is not in that form (absolute-form).
    /// </summary>
    private static string? WirePathBelowProvider(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith("/proxy/", StringComparison.Ordinal))
        {
            return null;
        }
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw.AsSpan() : raw.AsSpan(0, query);
        var slash = path[7..].IndexOf('/');
        return slash < 0 ? "" : path[(7 + slash + 1)..].ToString();
    }
}
