// Entry point of the `godel` executable: hands the arguments to GodelApp and returns its exit code.
using Godel.Cli;
using Godel.Pty;

if (PtyTrampoline.TryRun(args))
    return 127; // not reached: the trampoline execs the program or exits

// `godel proxy serve` is a process of its own: its sockets are tuned for it (see ProxyProcess) before any socket exists.
if (Godel.Proxy.ProxyProcess.IsServeCommand(args))
    Godel.Proxy.ProxyProcess.ConfigureSockets();

try
{
    return await GodelApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
}
finally
{
    // .NET switches a terminal on stdout to application cursor/keypad mode (terminfo smkx) when it sets up the console
    // (System.CommandLine's Ctrl-C handling does) and never switches it back (dotnet/corefx#32805), so after any
    // verb the user's shell saw arrows as ESC O A. Leave the terminal as we found it, as less and vim do (rmkx).
    if (!Console.IsOutputRedirected)
        Console.Out.Write("\e[?1l\e>");
}
