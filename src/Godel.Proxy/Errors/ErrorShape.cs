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
