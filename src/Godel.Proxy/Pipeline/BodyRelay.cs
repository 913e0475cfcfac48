// Relays a non-streamed response as it arrives, keeping a copy (capped) to read `usage` from at the end.
using System.Buffers;
using Godel.Proxy.Usage;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

internal static class BodyRelay
{
    /// <summary>LLM JSON responses are small; past this the usage is not read (the request still counts).</summary>
    private const int CaptureCap = 8 * 1024 * 1024;

    public static async Task RelayAsync(Stream upstream, HttpContext context, RelayOutcome outcome, bool storeText)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var capture = new CaptureBuffer(CaptureCap);
        var aborted = context.RequestAborted;
        try
        {
            int read;
            while ((read = await upstream.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
            {
                capture.Append(buffer.AsSpan(0, read));
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), aborted).ConfigureAwait(false);
                outcome.BytesOut += read;
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            outcome.ClientGone = true;
            outcome.Error = "client disconnected";
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            outcome.Error = aborted.IsCancellationRequested ? "client disconnected" : "upstream response interrupted: " + e.GetType().Name;
            outcome.ClientGone = aborted.IsCancellationRequested;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (UsageScanner.TryScan(capture.Span, out var usage))
        {
            outcome.Usage = usage;
        }
        if (storeText)
        {
            outcome.Captured = capture.Span.ToArray();
        }
    }
}
