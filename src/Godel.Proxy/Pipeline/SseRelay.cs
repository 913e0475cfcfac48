// Relays a server-sent-events stream event by event, flushing as each arrives, reading usage on the way.
using System.Buffers;
using Godel.Proxy.Errors;
using Godel.Proxy.Usage;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Pipeline;

/// <summary>
/// Holds back at most one incomplete event. When the proxy injected `stream_options.include_usage` the client
/// did not ask for, the usage-only chunk is dropped and the `"usage":null` fields OpenAI adds are removed, so
/// the client sees what it would have seen without the proxy.
/// </summary>
internal sealed class SseRelay(bool stripInjectedUsage, bool storeText, ErrorShape shape, string provider)
{
    private const int CaptureCap = 1024 * 1024;

    private byte[] _pending = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _count;
    private readonly ArrayBufferWriter<byte> _out = new(16 * 1024);
    private readonly CaptureBuffer _text = new(CaptureCap);
    private TokenUsage _usage;
    private long _dataEvents;
    private bool _upstreamError;

    public async Task RelayAsync(Stream upstream, HttpContext context, RelayOutcome outcome)
    {
        var aborted = context.RequestAborted;
        var body = context.Response.Body;
        var read = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await context.Response.StartAsync(aborted).ConfigureAwait(false);
            int n;
            while ((n = await upstream.ReadAsync(read, aborted).ConfigureAwait(false)) > 0)
            {
                Append(read.AsSpan(0, n));
                DrainEvents();
                await WriteOutAsync(body, outcome, aborted).ConfigureAwait(false);
            }
            if (_count > 0)
            {
                // A last event without its blank line: pass it on as is.
                Process(_pending.AsSpan(0, _count));
                _count = 0;
                await WriteOutAsync(body, outcome, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            outcome.Interrupted = true;
            outcome.ClientGone = true;
            outcome.Error = "client disconnected mid-stream";
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            outcome.Interrupted = true;
            if (aborted.IsCancellationRequested)
            {
                outcome.ClientGone = true;
                outcome.Error = "client disconnected mid-stream";
            }
            else
            {
                outcome.Error = $"upstream stream from provider '{provider}' failed: {e.GetType().Name}";
                await WriteFailureAsync(body, outcome, aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(read);
            ArrayPool<byte>.Shared.Return(_pending);
            _pending = [];
        }
        outcome.Usage = _usage;
        outcome.StreamEvents = _dataEvents;
        outcome.Error ??= _upstreamError ? "upstream sent an error event" : null;
        if (storeText)
        {
            outcome.Captured = _text.Span.ToArray();
        }
        _text.Dispose();
    }

    private async Task WriteFailureAsync(Stream body, RelayOutcome outcome, CancellationToken aborted)
    {
        var error = ProxyError.BadGateway($"the stream from provider '{provider}' ended unexpectedly; usage so far was recorded").ToSseEvent(shape);
        try
        {
            await body.WriteAsync(error, aborted).ConfigureAwait(false);
            await body.FlushAsync(aborted).ConfigureAwait(false);
            outcome.BytesOut += error.Length;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            outcome.ClientGone = true;
        }
    }

    private async Task WriteOutAsync(Stream body, RelayOutcome outcome, CancellationToken aborted)
    {
        if (_out.WrittenCount == 0)
        {
            return;
        }
        await body.WriteAsync(_out.WrittenMemory, aborted).ConfigureAwait(false);
        await body.FlushAsync(aborted).ConfigureAwait(false);
        outcome.BytesOut += _out.WrittenCount;
        _out.ResetWrittenCount();
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_count + data.Length > _pending.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_pending.Length * 2, _count + data.Length));
            _pending.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_pending);
            _pending = bigger;
        }
        data.CopyTo(_pending.AsSpan(_count));
        _count += data.Length;
    }

    private void DrainEvents()
    {
        var start = 0;
        while (true)
        {
            var rest = _pending.AsSpan(start, _count - start);
            var end = EventEnd(rest);
            if (end < 0)
            {
                break;
            }
            Process(rest[..end]);
            start += end;
        }
        if (start > 0)
        {
            _pending.AsSpan(start, _count - start).CopyTo(_pending);
            _count -= start;
        }
    }

    /// <summary>Length of the first complete event including its blank line (LF or CRLF), or -1.</summary>
    private static int EventEnd(ReadOnlySpan<byte> data)
    {
        var lf = data.IndexOf("\n\n"u8);
        var crlf = data.IndexOf("\n\r\n"u8);
        if (lf < 0 && crlf < 0)
        {
            return -1;
        }
        return crlf < 0 || (lf >= 0 && lf < crlf) ? lf + 2 : crlf + 3;
    }

    private void Process(ReadOnlySpan<byte> ev)
    {
        var data = DataOf(ev);
        _dataEvents += data.IsEmpty ? 0 : 1;
        if (data.IndexOf("\"usage\""u8) >= 0 && UsageScanner.TryScan(data, out var usage))
        {
            _usage = _usage.Merge(usage);
        }
        if (ev.StartsWith("event: error"u8) || data.StartsWith("{\"error\""u8) || data.StartsWith("{\"type\":\"error\""u8))
        {
            _upstreamError = true;
        }
        if (storeText && !data.IsEmpty)
        {
            _text.Append("data: "u8);
            _text.Append(data);
            _text.Append("\n"u8);
        }
        if (!stripInjectedUsage)
        {
            _out.Write(ev);
            return;
        }
        if (data.IndexOf("\"choices\":[]"u8) >= 0 && data.IndexOf("\"usage\":{"u8) >= 0)
        {
            return;
        }
        WriteWithoutNullUsage(ev);
    }

    private void WriteWithoutNullUsage(ReadOnlySpan<byte> ev)
    {
        ReadOnlySpan<byte> marker = ",\"usage\":null"u8;
        int at;
        while ((at = ev.IndexOf(marker)) >= 0)
        {
            _out.Write(ev[..at]);
            ev = ev[(at + marker.Length)..];
        }
        _out.Write(ev);
    }

    /// <summary>The payload of the event's first `data:` line (the formats proxied here use one line per event).</summary>
    private static ReadOnlySpan<byte> DataOf(ReadOnlySpan<byte> ev)
    {
        var at = ev.StartsWith("data:"u8) ? 0 : ev.IndexOf("\ndata:"u8) is var i and >= 0 ? i + 1 : -1;
        if (at < 0)
        {
            return [];
        }
        var line = ev[(at + 5)..];
        var end = line.IndexOf((byte)'\n');
        line = end >= 0 ? line[..end] : line;
        return line.TrimStart((byte)' ').TrimEnd((byte)'\r');
    }
}
