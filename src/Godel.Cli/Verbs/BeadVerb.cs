// `godel bead …`: the work-item verbs, grouped; each subcommand is built in BeadReadVerbs/BeadWriteVerbs/BeadEditVerb.
using System.CommandLine;

namespace Godel.Cli.Verbs;

internal static class BeadVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("bead", "Work items stored on the godel/beads branch of this repository.");
        command.Subcommands.Add(BeadWriteVerbs.Create(console));
        command.Subcommands.Add(BeadReadVerbs.List(console));
        command.Subcommands.Add(BeadReadVerbs.Show(console));
        command.Subcommands.Add(BeadWriteVerbs.Update(console));
        command.Subcommands.Add(BeadWriteVerbs.Assign(console));
        command.Subcommands.Add(BeadWriteVerbs.Close(console));
        command.Subcommands.Add(BeadWriteVerbs.Reopen(console));
        command.Subcommands.Add(BeadWriteVerbs.Comment(console));
        command.Subcommands.Add(BeadWriteVerbs.Dep(console));
        command.Subcommands.Add(BeadReadVerbs.Ready(console));
        command.Subcommands.Add(BeadEditVerb.Create(console));
        return command;
    }
}
