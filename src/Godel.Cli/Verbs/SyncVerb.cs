// `godel sync [REMOTE]`: share beads with a remote — fetch, merge bead by bead, push.
using System.CommandLine;
using Godel.Beads.Sync;
using Godel.Cli.Beads;

namespace Godel.Cli.Verbs;

internal static class SyncVerb
{
    public static Command Create(CliConsole console)
    {
        var remote = new Argument<string>("REMOTE") { Description = "Remote to sync with.", DefaultValueFactory = _ => "origin" };
        var command = new Command("sync", "Fetch a remote's beads, merge them bead by bead with ours, and push the result.") { remote };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var result = BeadSync.Run(store, p.GetValue(remote)!, console.WorkingDirectory);
            console.Out.WriteLine(result.Summary);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
