// Builds the `godel` command tree and runs it; the one place where every verb is registered and errors become exit codes.
using System.CommandLine;
using Godel.Cli.Verbs;
using Godel.Config.Diagnostics;
using Godel.Workspace;

namespace Godel.Cli;

public static class GodelApp
{
    /// <summary>Parses and runs one command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            return ReportParseErrors(parse, console);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ReportException(e, console, GlobalOptions.Verbose(parse));
        }
    }

    /// <summary>The whole command tree. Each verb lives in its own file under Verbs/.</summary>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Godel: a terminal workspace for supervising many coding agents at once.");
        GlobalOptions.AddTo(root);
        VersionAction.Replace(root);
        root.Subcommands.Add(InitVerb.Create(console));
        root.Subcommands.Add(DoctorVerb.Create(console));
        root.Subcommands.Add(ConfigVerb.Create(console));
        root.Subcommands.Add(TuiVerb.Create(console));
        root.Subcommands.Add(CompletionVerb.Create(console));
        root.Subcommands.Add(BeadVerb.Create(console));
        root.Subcommands.Add(ConvoyVerb.Create(console));
        root.Subcommands.Add(SyncVerb.Create(console));
        root.Subcommands.Add(ProxyVerbs.Create(console));
        root.Subcommands.Add(DaemonVerb.Create(console));
        root.Subcommands.Add(AgentVerb.Create(console));
        root.Subcommands.Add(AttachVerb.Create(console));
        root.Subcommands.Add(CaptureVerb.Create(console));
        root.Subcommands.Add(LogsVerb.Create(console));
        return root;
    }

    // Unknown verbs and options are bad input: say what was wrong, the closest match, the usage; exit 2.
    private static int ReportParseErrors(ParseResult parse, CliConsole console)
    {
        var command = parse.CommandResult.Command;
        // "Required command was not provided" only repeats what an unknown verb already says.
        var errors = parse.UnmatchedTokens.Count > 0
            ? parse.Errors.Where(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            : parse.Errors;
        foreach (var error in errors)
        {
            console.Error.WriteLine($"godel: {error.Message}");
        }

        foreach (var token in parse.UnmatchedTokens)
        {
            var candidates = token.StartsWith('-')
                ? command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            if (Suggestions.Closest(token, candidates) is { } match)
            {
                console.Error.WriteLine($"godel: did you mean '{match}'?");
            }
        }

        console.Error.WriteLine();
        var helpParse = parse.RootCommandResult.Command.Parse([.. CommandPath(command), "--help"]);
        helpParse.Invoke(new InvocationConfiguration { Output = console.Error, Error = console.Error });
        return ExitCodes.Usage;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (var c = command; c.Parents.FirstOrDefault() is Command parent; c = parent)
        {
            names.Push(c.Name);
        }

        return names;
    }

    private static int ReportException(Exception e, CliConsole console, bool verbose)
    {
        var (lines, code) = e switch
        {
            CliException cli => (new List<string> { cli.Message }, cli.ExitCode),
            ConfigException config => (config.Diagnostics.Select(d => d.ToString()).ToList(), ExitCodes.Usage),
            NotARepositoryException repo => ([repo.Message], ExitCodes.Usage),
            UnauthorizedAccessException access => ([$"permission denied: {access.Message}"], ExitCodes.Failure),
            _ => ([e.Message], ExitCodes.Failure),
        };
        foreach (var line in lines)
        {
            console.Error.WriteLine(e is ConfigException ? line : $"godel: {line}");
        }

        if (e is ConfigException)
        {
            console.Error.WriteLine("godel: the configuration is invalid; fix the lines above (`godel config check` lists them)");
        }

        if (verbose)
        {
            console.Error.WriteLine(e.ToString());
        }
        else if (e is not (CliException or ConfigException or NotARepositoryException))
        {
            console.Error.WriteLine("godel: run again with --verbose for details");
        }

        return code;
    }
}
