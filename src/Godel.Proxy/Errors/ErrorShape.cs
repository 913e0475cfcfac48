// Which provider's JSON error shape a response uses, so clients' SDKs parse Godel's own errors natively.
namespace Godel.Proxy.Errors;

/// <summary>The wire format of errors (and of streamed error events) for a request.</summary>
public enum ErrorShape
{
    /// <summary>`{"type":"error","error":{"type":…,"message":…}}`.</summary>
    Anthropic,

    /// <summary>`{"error":{"message":…,"type":…,"code":…}}`.</summary>
    OpenAI,
}

/// <summary>The shape for a request known only by its path (before a provider is resolved, or when it failed).</summary>
internal static class ErrorShapes
{
    /// <summary>Anthropic for a messages path (`v1/messages`), OpenAI otherwise.</summary>
    public static ErrorShape ForPath(string path) =>
        path.EndsWith("messages", StringComparison.Ordinal) ? ErrorShape.Anthropic : ErrorShape.OpenAI;
}
