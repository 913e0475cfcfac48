// Writes the proxy's own errors (auth, limits, budgets, bad input) in the caller's provider format.
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Errors;

/// <summary>An error the proxy answers itself; never a stack trace, always a message saying what to do.</summary>
internal sealed record ProxyError(int Status, string Type, string Code, string Message)
{
    public int? RetryAfterSeconds { get; init; }

    public static ProxyError BadRequest(string message) => new(400, "invalid_request_error", "invalid_request", message);

    public static ProxyError Unauthorized(string message) => new(401, "authentication_error", "invalid_api_key", message);

    public static ProxyError NotFound(string message) => new(404, "not_found_error", "not_found", message);

    public static ProxyError TooLarge(long limit) => new(413, "request_too_large", "request_too_large",
        $"request body is larger than the proxy's limit of {limit} bytes; raise [proxy] max_body_bytes to allow it");

    public static ProxyError BadGateway(string message) => new(502, "api_error", "upstream_unreachable", message);

    /// <summary>Anthropic's error `type` names for the statuses the proxy itself produces.</summary>
    private string AnthropicType => Status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        _ => "api_error",
    };

    public byte[] ToJson(ErrorShape shape)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (shape == ErrorShape.Anthropic)
            {
                w.WriteString("type", "error");
                w.WriteStartObject("error");
                w.WriteString("type", AnthropicType);
                w.WriteString("message", Message);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject("error");
                w.WriteString("message", Message);
                w.WriteString("type", Type);
                w.WriteString("code", Code);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The same error as one SSE event, for a stream that already started.</summary>
    public byte[] ToSseEvent(ErrorShape shape)
    {
        var json = ToJson(shape);
        var prefix = shape == ErrorShape.Anthropic ? "event: error\ndata: "u8 : "data: "u8;
        var result = new byte[prefix.Length + json.Length + 2];
        prefix.CopyTo(result);
        json.CopyTo(result.AsSpan(prefix.Length));
        result[^2] = (byte)'\n';
        result[^1] = (byte)'\n';
        return result;
    }

    public async Task WriteAsync(HttpContext context, ErrorShape shape)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }
        response.StatusCode = Status;
        response.ContentType = "application/json";
        if (RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var body = ToJson(shape);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
