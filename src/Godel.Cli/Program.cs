// Entry point of the `godel` executable: hands the arguments to GodelApp and returns its exit code.
using Godel.Cli;
using Godel.Pty;

if (PtyTrampoline.TryRun(args))
    return 127; // not reached: the trampoline execs the program or exits

// `godel proxy serve` is a process of its own: its socket completions run inline (see ProxyProcess), set before any socket exists.
if (Godel.Proxy.ProxyProcess.IsServeCommand(args))
    Godel.Proxy.ProxyProcess.PreferInlineSocketCompletions();

return await GodelApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
