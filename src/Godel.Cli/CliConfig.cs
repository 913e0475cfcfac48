// How a verb finds its workspace and loads the layered config, honouring --set and the console's environment.
using System.CommandLine;
using Godel.Config.Loading;
using Godel.Workspace;

namespace Godel.Cli;

internal static class CliConfig
{
    /// <summary>The workspace around the working folder, or null outside a git repository.</summary>
    public static WorkspaceLocation? FindWorkspace(CliConsole console) => WorkspaceLocator.Find(console.WorkingDirectory);

    /// <summary>The layers for this run: user file, the workspace's godel.toml (if any), environment, --set flags.</summary>
    public static ConfigSources Sources(CliConsole console, ParseResult? parse, WorkspaceLocation? workspace) =>
        ConfigSources.Discover(workspace?.RootPath, console.Environment, parse is null ? [] : GlobalOptions.Sets(parse), console.WorkingDirectory);

    /// <summary>Loads the config for the working folder without throwing; problems are in the result.</summary>
    public static ConfigResult Load(CliConsole console, ParseResult? parse) => ConfigLoader.Load(Sources(console, parse, FindWorkspace(console)));

    /// <summary>The effective config, or a ConfigException (exit 2, every problem listed) when it is invalid: never a guess.</summary>
    public static Godel.Config.Model.GodelConfig LoadValid(CliConsole console, ParseResult? parse = null) => Load(console, parse).GetValidOrThrow();
}
