// Which `godel` command lines are a process dedicated to the proxy (and so get inline socket completions).
namespace Godel.Proxy.Tests;

public sealed class ProxyProcessTests
{
    [Theory]
    [InlineData(true, "proxy", "serve")]
    [InlineData(true, "proxy", "serve", "--listen", "0.0.0.0:8080")]
    [InlineData(true, "--config", "g.toml", "proxy", "serve")]
    [InlineData(false, "proxy", "stats")]
    [InlineData(false, "daemon", "start")]
    [InlineData(false, "bead", "create", "proxy", "serve-later")]
    [InlineData(false, "proxy")]
    [InlineData(false)]
    public void Only_proxy_serve_is_a_proxy_process(bool expected, params string[] args) =>
        Assert.Equal(expected, ProxyProcess.IsServeCommand(args));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(8, 4)]
    [InlineData(64, 32)]
    public void One_socket_thread_per_two_cores(int processors, int threads) =>
        Assert.Equal(threads, ProxyProcess.SocketThreads(processors));
}
