// Builds the `godel` command tree and runs it; the one place where every verb is registered.
using System.CommandLine;
using Godel.Cli.Verbs;

namespace Godel.Cli;

public static class GodelApp
{
    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync($"godel: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
    }

    /// <summary>The whole command tree. Each verb lives in its own file under Verbs/.</summary>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Godel: a terminal workspace for supervising many coding agents at once.");
        root.Subcommands.Add(TuiVerb.Create(console));
        root.Subcommands.Add(DaemonVerb.Create(console));
        root.Subcommands.Add(AgentVerb.Create(console));
        root.Subcommands.Add(AttachVerb.Create(console));
        root.Subcommands.Add(CaptureVerb.Create(console));
        root.Subcommands.Add(LogsVerb.Create(console));
        return root;
    }
}
