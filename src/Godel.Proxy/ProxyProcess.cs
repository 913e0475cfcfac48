// Process-wide tuning for a process whose job is serving the proxy (`godel proxy serve`, the benchmark host).
namespace Godel.Proxy;

/// <summary>
/// .NET dispatches every socket completion from its epoll thread to the thread pool. The `godel` executable's
/// thread-pool workers do not spin (an idle daemon must not burn CPU), so each of those hops wakes a sleeping
/// thread: measured on the proxy's loopback benchmark, 97–101 µs added per request against 57–64 µs with the
/// completions run on the epoll thread (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>; docs/BENCHMARKS.md).
/// The runtime reads that variable only from the environment, once, when the first socket is used, so a process
/// dedicated to the proxy sets it first thing.
/// </summary>
public static class ProxyProcess
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline socket completions on for this process unless the variable is already set (so
    /// <c>=0</c> opts out). Call first thing in Main of a process dedicated to the proxy, never from a process
    /// whose socket handlers may block (the daemon's, say): a blocked handler would stall every socket.
    /// Returns whether inline completions are on.
    /// </summary>
    public static bool PreferInlineSocketCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
        return Environment.GetEnvironmentVariable(InlineCompletionsVariable) == "1";
    }

    /// <summary>Whether a `godel` command line runs `proxy serve` (global options may come first).</summary>
    public static bool IsServeCommand(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "proxy" && args[i + 1] == "serve")
            {
                return true;
            }
        }
        return false;
    }
}
