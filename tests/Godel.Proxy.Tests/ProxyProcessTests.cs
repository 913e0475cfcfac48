// Which command lines get the proxy's process tuning (inline socket completions).
namespace Godel.Proxy.Tests;

public sealed class ProxyProcessTests
{
    [Theory]
    [InlineData("proxy serve", true)]
    [InlineData("--config x.toml proxy serve --listen 0.0.0.0:8080", true)]
    [InlineData("proxy stats", false)]
    [InlineData("serve proxy", false)]
    [InlineData("daemon run", false)]
    [InlineData("proxy", false)]
    [InlineData("", false)]
    public void Only_proxy_serve_is_a_proxy_process(string commandLine, bool expected) =>
        Assert.Equal(expected, ProxyProcess.IsServeCommand(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
