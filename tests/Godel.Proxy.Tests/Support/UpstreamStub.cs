// A real HTTP server on loopback standing in for a provider: replays recorded responses, records what it received.
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Godel.Proxy.Tests.Support;

/// <summary>One request as the stub saw it.</summary>
public sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

public sealed class UpstreamStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UpstreamStub(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>Set when a handler saw its request aborted (the proxy cancelled upstream).</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<HttpContext, byte[], Task> Handler { get; set; } = (c, _) => c.Response.WriteAsync("{}");

    public static async Task<UpstreamStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        UpstreamStub? stub = null;
        app.Run(async context =>
        {
            using var ms = new MemoryStream();
            await context.Request.Body.CopyToAsync(ms);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            stub!.Seen.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, ms.ToArray()));
            context.RequestAborted.Register(() => stub.Aborted.TrySetResult());
            await stub.Handler(context, ms.ToArray());
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new UpstreamStub(app, url);
        return stub;
    }

    /// <summary>Answers every request with these bytes and content type.</summary>
    public void Replay(byte[] body, string contentType, int status = 200)
    {
        Handler = async (c, _) =>
        {
            c.Response.StatusCode = status;
            c.Response.ContentType = contentType;
            c.Response.Headers["x-request-id"] = "req_stub";
            await c.Response.Body.WriteAsync(body);
        };
    }

    /// <summary>Streams SSE events one by one with a pause between, flushing each.</summary>
    public void ReplaySse(IReadOnlyList<string> events, int pauseMs)
    {
        Handler = async (c, _) =>
        {
            c.Response.ContentType = "text/event-stream; charset=utf-8";
            foreach (var ev in events)
            {
                await c.Response.WriteAsync(ev, c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                if (pauseMs > 0)
                {
                    await Task.Delay(pauseMs, c.RequestAborted);
                }
            }
        };
    }

    /// <summary>
    /// Streams event i only once <paramref name="released"/>[i] completes; the test completes it when its client has
    /// received event i-1 through the proxy. A proxy that buffered would never deliver event i-1 on its own, so the
    /// stream would stall (and fail after 30 s): relaying per event is proven without any assumption about timing.
    /// </summary>
    public void ReplaySseLockstep(IReadOnlyList<string> events, IReadOnlyList<TaskCompletionSource> released)
    {
        Handler = async (c, _) =>
        {
            c.Response.ContentType = "text/event-stream; charset=utf-8";
            for (var i = 0; i < events.Count; i++)
            {
                if (i > 0)
                {
                    await released[i].Task.WaitAsync(TimeSpan.FromSeconds(30), c.RequestAborted);
                }
                await c.Response.WriteAsync(events[i], c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
            }
        };
    }

    /// <summary>Gates for <see cref="ReplaySseLockstep"/>: one per event.</summary>
    public static TaskCompletionSource[] Gates(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

    /// <summary>
    /// Streams the first <paramref name="cutAt"/> events, then aborts the connection once <paramref name="cut"/>
    /// completes. The test completes it after its client has read those events through the proxy: Kestrel's
    /// Abort drops output its socket writer has not sent yet, so cutting on a timer lost events on a busy machine.
    /// </summary>
    public void ReplaySseThenCut(IReadOnlyList<string> events, int cutAt, Task cut)
    {
        Handler = async (c, _) =>
        {
            c.Response.ContentType = "text/event-stream; charset=utf-8";
            foreach (var ev in events.Take(cutAt))
            {
                await c.Response.WriteAsync(ev, c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
            }
            await cut.WaitAsync(TimeSpan.FromSeconds(30), c.RequestAborted);
            c.Abort();
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
