// The built-in mock provider as an HttpMessageHandler: in-process (no network hop), yet behind the same pipeline as a real one.
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Godel.Proxy.Errors;

namespace Godel.Proxy.Providers.Mock;

/// <summary>Answers Anthropic messages, OpenAI chat completions and OpenAI responses deterministically.</summary>
internal sealed class MockHandler(int latencyMs) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/v1/models")
        {
            return Json(HttpStatusCode.OK, JsonSerializer.SerializeToUtf8Bytes(new
            {
                @object = "list",
                data = new[] { new { id = "mock", @object = "model", created = 1_700_000_000, owned_by = "godel" } },
            }));
        }
        var format = path switch
        {
            "/v1/messages" => MockFormat.Anthropic,
            "/v1/chat/completions" => MockFormat.Chat,
            "/v1/responses" => MockFormat.Responses,
            _ => MockFormat.None,
        };
        if (format == MockFormat.None || request.Method != HttpMethod.Post || request.Content is null)
        {
            var error = ProxyError.NotFound($"the mock provider does not serve {request.Method} {path}; it serves POST /v1/messages, /v1/chat/completions and /v1/responses");
            return Json(HttpStatusCode.NotFound, error.ToJson(format == MockFormat.Anthropic ? ErrorShape.Anthropic : ErrorShape.OpenAI));
        }
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // Like a real provider, a body that is not a JSON object (empty, say) is a 400 in the format's own shape.
        if (MockPrompt.TryParse(body) is not { } prompt)
        {
            var error = ProxyError.BadRequest($"the mock provider needs a JSON object body for POST {path}");
            return Json(HttpStatusCode.BadRequest, error.ToJson(format == MockFormat.Anthropic ? ErrorShape.Anthropic : ErrorShape.OpenAI));
        }
        await Delay(cancellationToken).ConfigureAwait(false);
        if (!prompt.Stream)
        {
            return Json(HttpStatusCode.OK, format switch
            {
                MockFormat.Anthropic => MockAnthropic.Message(prompt),
                MockFormat.Chat => MockOpenAI.ChatCompletion(prompt),
                _ => MockOpenAI.Response(prompt),
            });
        }
        var events = format switch
        {
            MockFormat.Anthropic => MockAnthropic.Events(prompt),
            MockFormat.Chat => MockOpenAI.ChatChunks(prompt),
            _ => MockOpenAI.ResponseEvents(prompt),
        };
        return Streaming(events, cancellationToken);
    }

    private Task Delay(CancellationToken cancellationToken) =>
        latencyMs > 0 ? Task.Delay(latencyMs, cancellationToken) : Task.CompletedTask;

    private static HttpResponseMessage Json(HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <summary>Writes events into a pipe as the "network" would, pausing between them when latency is set.</summary>
    private HttpResponseMessage Streaming(IEnumerable<byte[]> events, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                var first = true;
                foreach (var e in events)
                {
                    if (!first)
                    {
                        await Delay(cancellationToken).ConfigureAwait(false);
                    }
                    first = false;
                    await pipe.Writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException e)
            {
                failure = e;
            }
            await pipe.Writer.CompleteAsync(failure).ConfigureAwait(false);
        }, CancellationToken.None);
        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = Encoding.UTF8.WebName };
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return response;
    }

    private enum MockFormat
    {
        None,
        Anthropic,
        Chat,
        Responses,
    }
}
