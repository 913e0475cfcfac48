// `/proxy/{provider}/{**path}`: native pass-through to one named provider, byte-for-byte both ways.
using Godel.Proxy.Errors;
using Godel.Proxy.Providers;
using Microsoft.AspNetCore.Http;

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
        var call = await Admission.AdmitAsync(context, services, provider.ShapeFor(path), path).ConfigureAwait(false);
        if (call is null)
        {
            return;
        }
        using (call.Value.Body)
        {
            await forwarder.ForwardAsync(call.Value.Call, [provider], fallbackAllowed: false).ConfigureAwait(false);
        }
    }
}
