// `godel doctor`: checks what Godel needs (git, repository, config, runtimes, socket folder, terminal) and how to fix it.
using System.CommandLine;
using Godel.Cli.Doctor;

namespace Godel.Cli.Verbs;

internal static class DoctorVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("doctor", "Check git, the workspace, the config, agent runtimes on PATH, the daemon socket folder and the terminal. Exit 1 if something required is missing.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = CliConfig.FindWorkspace(console);
            var config = Godel.Config.Loading.ConfigLoader.Load(CliConfig.Sources(console, parse, workspace));
            var context = new DoctorContext(console.Environment, console.WorkingDirectory, workspace, config);
            var findings = await Doctor.Doctor.RunAsync(context, console.IsTerminal, cancellationToken).ConfigureAwait(false);
            Doctor.Doctor.Render(findings, console.Out);
            return findings.Any(f => f.Status == FindingStatus.Problem) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
