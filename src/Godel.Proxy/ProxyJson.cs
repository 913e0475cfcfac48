// The JSON conventions of the admin API (snake_case), shared by the server and the CLI's remote client.
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Godel.Proxy;

public static class ProxyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
