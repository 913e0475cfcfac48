// Entry point of the `godel` executable: hands the arguments to GodelApp and returns its exit code.
using Godel.Cli;

return await GodelApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
