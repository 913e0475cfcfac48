// Timeouts and TLS validation of the upstream client.
using System.Net.Security;

namespace Godel.Proxy.Upstream;

internal sealed class Http11ClientOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An idle connection older than this is closed rather than reused (servers drop idle ones too).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>No connection is reused past this age, so DNS changes (provider fail-over) are picked up.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Null: the system's trust store decides (the only setting in production; tests trust their own CA).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }
}
