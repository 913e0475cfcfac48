// Starts the proxy with providers for the benchmark (an upstream stub and a streaming mock), mints a token, prints it.
using Godel.Config.Model;
using Godel.Proxy;

// As `godel proxy serve` runs it (ProxyProcess), unless the environment sets
// DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 (the benchmark's second variant: the proxy as the daemon hosts it).
var inline = ProxyProcess.ConfigureSockets();

var upstream = Arg("--upstream") ?? throw new ArgumentException("--upstream URL is required");
var listen = Arg("--listen") ?? "127.0.0.1:0";
var db = Arg("--db") ?? Path.Combine(Path.GetTempPath(), $"godel-proxy-bench-{Environment.ProcessId}.db");
var storeText = Arg("--store-text") != "false";
var config = new ProxyConfig
{
    Providers = new Dictionary<string, ProviderConfig>(StringComparer.Ordinal)
    {
        ["stub"] = new() { Type = ProviderType.OpenAICompatible, BaseUrl = upstream },
        ["mock"] = new() { Type = ProviderType.Mock },
        ["slowmock"] = new() { Type = ProviderType.Mock, MockLatencyMs = int.Parse(Arg("--mock-latency") ?? "10", System.Globalization.CultureInfo.InvariantCulture) },
    },
};
await using var server = await ProxyServer.StartAsync(new ProxyServerOptions { Config = config, Listen = listen, DatabasePath = db, StoreText = storeText });
var token = server.Admin.MintAgentToken("bench", "godel-bench");
Console.WriteLine($"READY {server.BaseUrl} {token} inline={(inline ? 1 : 0)} socket-threads={Environment.GetEnvironmentVariable(ProxyProcess.ThreadCountVariable) ?? "default"}");
using var stop = new CancellationTokenSource();
using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
var stats = server.Admin.Stats();
await server.Admin.FlushAuditAsync();
var audited = server.Admin.Stats().Totals.Requests;
Console.WriteLine($"AUDITED {audited} requests ({stats.Totals.Requests} before the final flush)");
// Whole-process figures (start-up and admin calls included), for a rough per-request allocation rate.
Console.WriteLine($"ALLOCATED {GC.GetTotalAllocatedBytes(precise: true) / Math.Max(1, audited)} bytes/request, GCs gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0.0} ms in all");

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
