// `godel config check` and `godel config show`: validate the layered config, or print it with each value's origin.
using System.CommandLine;
using Godel.Config.Loading;

namespace Godel.Cli.Verbs;

internal static class ConfigVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("config", "Check or show the configuration (user config.toml, then godel.toml, then GODEL__* and --set).");
        command.Subcommands.Add(CreateCheck(console));
        command.Subcommands.Add(CreateShow(console));
        return command;
    }

    private static Command CreateCheck(CliConsole console)
    {
        var check = new Command("check", "Validate every config layer; list each problem as file:line:col. Exit 2 if any.");
        check.SetAction(parse =>
        {
            var result = CliConfig.Load(console, parse);
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            if (!result.IsValid)
            {
                console.Error.WriteLine($"godel: {result.Diagnostics.Count} problem(s) in the configuration");
                return ExitCodes.Usage;
            }

            var files = result.FilesRead.Count == 0 ? "no config files (defaults only)" : string.Join(", ", result.FilesRead);
            console.Out.WriteLine($"✓ configuration is valid ({files})");
            return ExitCodes.Ok;
        });
        return check;
    }

    private static Command CreateShow(CliConsole console)
    {
        var show = new Command("show", "Print the effective configuration as TOML, each value commented with where it came from.");
        show.SetAction(parse =>
        {
            var result = CliConfig.Load(console, parse);
            console.Out.Write(EffectiveConfigWriter.Write(result));
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
            }

            return result.IsValid ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return show;
    }
}
