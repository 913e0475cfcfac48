// Parses a listen address (`127.0.0.1:0`, `[::1]:8443`, `localhost:8080`, `:8080`) into an endpoint.
using System.Net;

namespace Godel.Proxy;

public static class ListenAddress
{
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        text = text.Trim();
        if (text.StartsWith(':'))
        {
            text = "0.0.0.0" + text;
        }
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text[9..];
        }
        if (IPEndPoint.TryParse(text, out var parsed) && text.Contains(':', StringComparison.Ordinal) && parsed.Port is >= 0 and <= 65535)
        {
            endpoint = parsed;
            return true;
        }
        return false;
    }
}
