// `godel bead list | show | ready`: reading beads as tables, detail pages or JSON.
using System.CommandLine;
using Godel.Beads.Json;
using Godel.Beads.Model;
using Godel.Beads.Store;
using Godel.Cli.Beads;

namespace Godel.Cli.Verbs;

internal static class BeadReadVerbs
{
    public static Command List(CliConsole console)
    {
        var status = new Option<string?>("--status", "-s") { Description = "Only beads with this status (open, in-progress, blocked, done)." };
        var type = new Option<string?>("--type", "-t") { Description = "Only beads of this type (task, bug, feature, chore, epic)." };
        var agent = new Option<string?>("--agent") { Description = "Only beads assigned to this agent." };
        var label = new Option<string?>("--label", "-l") { Description = "Only beads with this label." };
        var convoy = new Option<string?>("--convoy") { Description = "Only beads in this convoy." };
        var all = new Option<bool>("--all", "-a") { Description = "Include done beads (hidden by default)." };
        var json = JsonOption();
        var command = new Command("list", "List beads (done ones hidden unless --all or --status done).")
        {
            status, type, agent, label, convoy, all, json,
        };
        command.SetAction(p => BeadCli.WithReader(console, store =>
        {
            var wantStatus = p.GetValue(status) is { } s ? BeadCli.ParseStatus(s) : (BeadStatus?)null;
            var wantType = p.GetValue(type) is { } t ? BeadCli.ParseType(t) : (BeadType?)null;
            var view = store.View();
            BeadCli.WarnProblems(console, view);
            var members = p.GetValue(convoy) is { } c ? view.ResolveConvoy(c).Beads.ToHashSet(StringComparer.Ordinal) : null;
            var wantAgent = p.GetValue(agent);
            var wantLabel = p.GetValue(label);
            var showDone = p.GetValue(all) || wantStatus == BeadStatus.Done;
            var beads = view.Beads.Values
                .Where(b => (showDone || !b.IsDone)
                    && (wantStatus is null || b.Status == wantStatus)
                    && (wantType is null || b.Type == wantType)
                    && (wantAgent is null || b.Agent == wantAgent)
                    && (wantLabel is null || b.Labels.Contains(wantLabel))
                    && (members is null || members.Contains(b.Id)))
                .ToList();
            beads.Sort(ByPriorityThenAge);
            Print(console, beads, view, p.GetValue(json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Ready(CliConsole console)
    {
        var json = JsonOption();
        var command = new Command("ready", "Beads ready to start: open, no open blockers, by priority then age.") { json };
        command.SetAction(p => BeadCli.WithReader(console, store =>
        {
            var view = store.View();
            BeadCli.WarnProblems(console, view);
            Print(console, view.Ready(), view, p.GetValue(json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Show(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Bead id or any unique prefix of it." };
        var json = JsonOption();
        var command = new Command("show", "Show a bead with its comments, linked commits and history.") { id, json };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var view = store.View();
            var bead = view.ResolveBead(p.GetValue(id)!);
            var details = new BeadDetails(
                bead,
                view.OpenBlockers(bead),
                view.ConvoysOf(bead.Id).Select(c => c.Id).Order(StringComparer.Ordinal).ToList(),
                store.LinkedCommits(bead.Id),
                store.History(bead.Id));
            if (p.GetValue(json)) console.Out.WriteLine(BeadJson.ToOutput(details, BeadJson.OutputContext.BeadDetails));
            else BeadFormat.Details(console.Out, details, console.UseColour);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // A plain comparison (compiled ahead of time) rather than LINQ's OrderBy/ThenBy, which a short process JIT-compiles.
    private static int ByPriorityThenAge(Bead a, Bead b)
    {
        var c = a.Priority.CompareTo(b.Priority);
        if (c == 0) c = a.Created.CompareTo(b.Created);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (schema in docs/BEADS.md)." };

    private static void Print(CliConsole console, List<Bead> beads, StoreView view, bool json)
    {
        if (json)
        {
            console.WriteLineUtf8(output => view.WriteListJson(output, beads));
            return;
        }
        // Rendered whole, then written at once: a 10k-row table line by line is 10k writes to the terminal.
        using var table = new StringWriter();
        BeadFormat.BeadTable(table, beads, view, console.UseColour);
        console.WriteLineUtf8(System.Text.Encoding.UTF8.GetBytes(table.ToString().TrimEnd('\n')));
    }
}
