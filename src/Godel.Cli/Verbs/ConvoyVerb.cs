// `godel convoy …`: named bundles of beads and their progress.
using System.CommandLine;
using Godel.Beads.Json;
using Godel.Beads.Model;
using Godel.Beads.Store;
using Godel.Cli.Beads;

namespace Godel.Cli.Verbs;

internal static class ConvoyVerb
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("convoy", "Named bundles of beads; completed when all their beads are done.");
        command.Subcommands.Add(CreateConvoy(console));
        command.Subcommands.Add(Members(console, "add", "Add beads to a convoy.", add: true));
        command.Subcommands.Add(Members(console, "remove", "Remove beads from a convoy.", add: false));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Status(console));
        return command;
    }

    private static Command CreateConvoy(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The convoy's name." };
        var beads = BeadsArgument(ArgumentArity.ZeroOrMore);
        var command = new Command("create", "Create a convoy, optionally with beads, and print its id.") { name, beads };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var convoy = store.CreateConvoy(p.GetValue(name)!, p.GetValue(beads) ?? []);
            console.Out.WriteLine(convoy.Id);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Members(CliConsole console, string verb, string description, bool add)
    {
        var id = new Argument<string>("CONVOY") { Description = "Convoy id or unique prefix." };
        var beads = BeadsArgument(ArgumentArity.OneOrMore);
        var command = new Command(verb, description) { id, beads };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var list = p.GetValue(beads) ?? [];
            var convoy = store.UpdateConvoy(p.GetValue(id)!, add ? list : [], add ? [] : list);
            console.Out.WriteLine($"{convoy.Id}: {convoy.Beads.Count} bead(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = BeadReadVerbs.JsonOption();
        var command = new Command("list", "List convoys with their progress.") { json };
        command.SetAction(p => BeadCli.WithReader(console, store =>
        {
            var view = store.View();
            BeadCli.WarnProblems(console, view);
            var convoys = view.Convoys.Values.OrderBy(c => c.Created).Select(view.ViewOf).ToList();
            if (p.GetValue(json))
            {
                console.Out.WriteLine(BeadJson.ToOutput(convoys, BeadJson.OutputContext.ListConvoyView));
                return ExitCodes.Ok;
            }
            if (convoys.Count == 0) console.Out.WriteLine("no convoys");
            else BeadFormat.Table(console.Out, ["ID", "STATUS", "DONE", "NAME"], convoys.Select(Row), console.UseColour);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("CONVOY") { Description = "Convoy id or unique prefix." };
        var json = BeadReadVerbs.JsonOption();
        var command = new Command("show", "Show a convoy and its beads.") { id, json };
        command.SetAction(p => BeadCli.WithReader(console, store =>
        {
            var view = store.View();
            BeadCli.WarnProblems(console, view);
            var convoy = view.ResolveConvoy(p.GetValue(id)!);
            var beads = convoy.Beads.Select(view.Find).OfType<Bead>().ToList();
            var missing = convoy.Beads.Where(b => view.Find(b) is null).ToList();
            var details = new ConvoyDetails(view.ViewOf(convoy), beads, missing)
            {
                Unreadable = missing.Where(b => view.BrokenError(b) is not null).ToList(),
            };
            if (p.GetValue(json))
            {
                console.Out.WriteLine(BeadJson.ToOutput(details, BeadJson.OutputContext.ConvoyDetails));
                return ExitCodes.Ok;
            }
            var c = details.Convoy;
            console.Out.WriteLine($"{BeadFormat.Paint(c.Id, "36;1", console.UseColour)}  {c.Name}  {c.Status.Name()}  {c.Done}/{c.Total} done");
            BeadFormat.BeadTable(console.Out, beads, view, console.UseColour);
            // A member whose file is broken exists: saying "missing" would send the user looking for a deleted bead.
            foreach (var gone in details.Missing)
            {
                console.Out.WriteLine(details.Unreadable.Contains(gone)
                    ? $"unreadable: {gone} (fix it with `godel bead edit {gone}`)"
                    : $"missing: {gone}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var json = BeadReadVerbs.JsonOption();
        var command = new Command("status", "Progress of every active convoy and what each unfinished bead waits on.") { json };
        command.SetAction(p => BeadCli.WithReader(console, store =>
        {
            var view = store.View();
            BeadCli.WarnProblems(console, view);
            var progress = view.Convoys.Values.OrderBy(c => c.Created).Select(view.ViewOf)
                .Where(c => c.Status == ConvoyStatus.Active)
                .Select(c => Progress(c, view)).ToList();
            if (p.GetValue(json))
            {
                console.Out.WriteLine(BeadJson.ToOutput(progress, BeadJson.OutputContext.ListConvoyProgress));
                return ExitCodes.Ok;
            }
            if (progress.Count == 0) console.Out.WriteLine("no active convoys");
            foreach (var c in progress)
            {
                console.Out.WriteLine($"{BeadFormat.Paint(c.Id, "36;1", console.UseColour)}  {c.Name}  {c.Done}/{c.Total} done");
                BeadFormat.Table(console.Out, ["  BEAD", "STATUS", "WAITING ON", "TITLE"],
                    c.Unfinished.Select(w => (IReadOnlyList<Cell>)[new("  " + w.Id, "36"), new(w.Status.Name(), BeadFormat.StatusColour(w.Status)), new(w.WaitingOn, null), new(BeadFormat.Clip(w.Title, 50), null)]),
                    console.UseColour);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static ConvoyProgress Progress(ConvoyView c, StoreView view) =>
        new(c.Id, c.Name, c.Done, c.Total, c.Beads
            .Select(id => view.Find(id) is { } b ? b : null)
            .Where(b => b is { IsDone: false })
            .Select(b => new WaitingBead(b!.Id, b.Title, b.Status, WaitingOn(b, view)))
            .ToList());

    private static string WaitingOn(Bead b, StoreView view)
    {
        var blockers = view.OpenBlockers(b);
        if (blockers.Count > 0) return "blocked by " + string.Join(", ", blockers);
        return b.Status switch
        {
            BeadStatus.InProgress => b.Agent is null ? "in progress" : $"in progress ({b.Agent})",
            BeadStatus.Blocked => "marked blocked",
            _ => b.Agent is null ? "ready, unassigned" : $"ready, assigned to {b.Agent}",
        };
    }

    private static IReadOnlyList<Cell> Row(ConvoyView c) =>
    [
        new(c.Id, "36"),
        new(c.Status.Name(), c.Status == ConvoyStatus.Completed ? "32" : "33"),
        new($"{c.Done}/{c.Total}", null),
        new(BeadFormat.Clip(c.Name, 60), null),
    ];

    private static Argument<string[]> BeadsArgument(ArgumentArity arity) =>
        new("BEAD") { Description = "Bead ids or unique prefixes.", Arity = arity };
}
