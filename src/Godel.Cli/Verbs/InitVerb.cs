// `godel init`: makes the current git repository a Godel workspace; safe to run again.
using System.CommandLine;
using Godel.Workspace;

namespace Godel.Cli.Verbs;

internal static class InitVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("init", "Make this git repository a Godel workspace: godel.toml, .godel/ (local state, git-excluded). Safe to run again.");
        command.SetAction(_ =>
        {
            var location = WorkspaceLocator.Require(console.WorkingDirectory);
            var result = WorkspaceInitializer.Initialize(location);
            foreach (var item in result.Done)
            {
                console.Out.WriteLine($"created  {item}");
            }

            foreach (var item in result.AlreadyThere)
            {
                console.Out.WriteLine($"exists   {item}");
            }

            console.Out.WriteLine(result.ChangedAnything
                ? $"Workspace ready at {location.RootPath}. Next: edit godel.toml, then `godel doctor`."
                : "Nothing to do: this workspace is already initialized (godel.toml was left as it is).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
