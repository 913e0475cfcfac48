// Process-wide tuning for a process whose job is serving the proxy (`godel proxy serve`, the benchmark host).
namespace Godel.Proxy;

/// <summary>
/// Socket settings for a process whose job is the proxy. Both variables are read by the runtime only from the
/// environment, once, when the first socket is used, so such a process sets them first thing in Main.
/// <list type="bullet">
/// <item>.NET hands every socket completion from its epoll thread to the thread pool. The `godel` executable's
/// thread-pool workers do not spin (an idle daemon must not burn CPU), so each hop wakes a sleeping thread: on the
/// proxy's loopback benchmark 97–101 µs added per request, against 52–64 µs with completions run on the epoll
/// thread (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>).</item>
/// <item>With inline completions the runtime starts one epoll thread per core, and a request's client socket and
/// its upstream socket usually land on different ones. One epoll thread per two cores measured, on 2 cores (so
/// one thread): added p50 44 µs instead of 50–54, 22.9k instead of 17.4k req/s, CPU per request 47.7 instead of
/// 60.1 µs (<c>DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT</c>; docs/BENCHMARKS.md, sixth session). The halving on
/// bigger machines is a judgment, not a measurement: it keeps parallelism and leaves cores to the audit writer.</item>
/// </list>
/// A variable already set in the environment wins (<c>INLINE_COMPLETIONS=0</c> opts out of both).
/// </summary>
public static class ProxyProcess
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    public const string ThreadCountVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>
    /// Sets inline socket completions and the epoll thread count for this process unless already set. Call first
    /// thing in Main of a process dedicated to the proxy, never from a process whose socket handlers may block (the
    /// daemon's, say): a blocked handler would stall every socket on its thread. Returns whether completions run inline.
    /// </summary>
    public static bool ConfigureSockets()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) != "1")
        {
            return false;
        }
        if (Environment.GetEnvironmentVariable(ThreadCountVariable) is null)
        {
            Environment.SetEnvironmentVariable(ThreadCountVariable, SocketThreads(Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return true;
    }

    /// <summary>One epoll thread per two cores, at least one.</summary>
    public static int SocketThreads(int processors) => Math.Max(1, processors / 2);

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
