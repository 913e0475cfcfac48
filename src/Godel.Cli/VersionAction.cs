// `godel --version`: Godel's own version, whichever process hosts the CLI (the executable, a test host, a tool shim).
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Godel.Cli;

internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>`0.1.0` or `0.1.0+commit`: the informational version of this assembly.</summary>
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    // The built-in action prints the ENTRY assembly's version, which is the test host's under `dotnet test`.
    public static void Replace(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
