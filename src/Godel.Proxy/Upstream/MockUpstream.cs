// The built-in mock provider behind the upstream interface: an in-process HttpMessageHandler, no network hop.
using Godel.Proxy.Pipeline;
using Godel.Proxy.Providers;
using Godel.Proxy.Providers.Mock;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Upstream;

internal sealed class MockUpstream(int latencyMs) : IUpstreamClient, IDisposable
{
    private readonly HttpMessageInvoker _invoker = new(new MockHandler(latencyMs));

    public async ValueTask<UpstreamResponse> SendAsync(ProxyCall call, ProviderEntry provider, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var http = call.Context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(http.Method), new Uri(string.Concat(provider.BaseUrl, "/", call.Path, http.QueryString.Value)));
        if (payload.Length > 0 || HttpMethods.IsPost(http.Method) || HttpMethods.IsPut(http.Method))
        {
            request.Content = new ReadOnlyMemoryContent(payload);
        }
        var response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new MessageResponse(response, body);
    }

    public void Dispose() => _invoker.Dispose();

    private sealed class MessageResponse(HttpResponseMessage response, Stream body) : UpstreamResponse
    {
        public override int Status => (int)response.StatusCode;
        public override string? MediaType => response.Content.Headers.ContentType?.MediaType;
        public override Stream Body => body;

        public override void CopyTo(HttpResponse to, bool keepLength)
        {
            to.StatusCode = Status;
            foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                if (Headers.ForwardsResponse(name, keepLength))
                {
                    to.Headers[name] = values.Count == 1 ? values.ToString() : values.ToArray();
                }
            }
        }

        public override void Dispose()
        {
            body.Dispose();
            response.Dispose();
        }
    }
}
