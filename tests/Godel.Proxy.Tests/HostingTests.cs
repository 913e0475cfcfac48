// How the proxy's web host is set up: it must not watch the directory it runs in (the store may live there).
using Godel.Proxy.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Godel.Proxy.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_host_watches_no_configuration_file_for_changes()
    {
        await using var proxy = await ProxyHarness.StartAsync();

        var root = Assert.IsAssignableFrom<IConfigurationRoot>(proxy.Server.HostConfiguration);
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();

        // The default host adds appsettings files with reload-on-change, which watches the content root recursively.
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
