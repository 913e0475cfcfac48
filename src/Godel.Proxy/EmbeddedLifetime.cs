// A host lifetime that ignores process signals: the proxy lives inside the daemon or the CLI, which own them.
using Microsoft.Extensions.Hosting;

namespace Godel.Proxy;

/// <summary>
/// ASP.NET's default console lifetime hooks SIGTERM/SIGINT and blocks process exit until the host stops, which
/// deadlocks an embedding process that disposes the server from its own shutdown path.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
