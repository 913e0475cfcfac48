// Entry point of the `godel` executable: hands the arguments to GodelApp and returns its exit code.
using Godel.Cli;
using Godel.Pty;

if (PtyTrampoline.TryRun(args))
    return 127; // not reached: the trampoline execs the program or exits

return await GodelApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
