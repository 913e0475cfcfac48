// `godel bead create | update | assign | close | reopen | comment | dep`: every verb that changes a bead.
using System.CommandLine;
using Godel.Beads.Model;
using Godel.Beads.Store;
using Godel.Cli.Beads;

namespace Godel.Cli.Verbs;

internal static class BeadWriteVerbs
{
    public static Command Create(CliConsole console)
    {
        var title = new Argument<string>("TITLE") { Description = "One line saying what needs doing." };
        var type = new Option<string>("--type", "-t") { Description = "task, bug, feature, chore or epic.", DefaultValueFactory = _ => "task" };
        var priority = new Option<string>("--priority", "-p") { Description = "0 (critical) … 4.", DefaultValueFactory = _ => "2" };
        var labels = new Option<string[]>("--label", "-l") { Description = "A label (repeatable)." };
        var description = new Option<string?>("--description", "-d") { Description = "Longer description." };
        var blockedBy = new Option<string[]>("--blocked-by") { Description = "A bead this one waits for (repeatable)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the id (for scripts)." };
        var command = new Command("create", "Create a bead and print its id.") { title, type, priority, labels, description, blockedBy, quiet };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var bead = store.Create(new NewBead
            {
                Title = p.GetValue(title)!,
                Type = BeadCli.ParseType(p.GetValue(type)!),
                Priority = BeadCli.ParsePriority(p.GetValue(priority)!),
                Labels = p.GetValue(labels) ?? [],
                Description = p.GetValue(description) ?? "",
                BlockedBy = p.GetValue(blockedBy) ?? [],
            });
            console.Out.WriteLine(p.GetValue(quiet) ? bead.Id : $"created {bead.Id}: {bead.Title}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Update(CliConsole console)
    {
        var id = IdArgument();
        var title = new Option<string?>("--title") { Description = "New title." };
        var status = new Option<string?>("--status", "-s") { Description = "open, in-progress, blocked or done." };
        var priority = new Option<string?>("--priority", "-p") { Description = "0 (critical) … 4." };
        var type = new Option<string?>("--type", "-t") { Description = "task, bug, feature, chore or epic." };
        var description = new Option<string?>("--description", "-d") { Description = "New description." };
        var labels = new Option<string[]>("--label", "-l") { Description = "+name adds, -name removes (use --label=-name), name adds." };
        var command = new Command("update", "Change fields of a bead.") { id, title, status, priority, type, description, labels };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var newStatus = p.GetValue(status) is { } s ? BeadCli.ParseStatus(s) : (BeadStatus?)null;
            var newType = p.GetValue(type) is { } t ? BeadCli.ParseType(t) : (BeadType?)null;
            var newPriority = p.GetValue(priority) is { } pr ? BeadCli.ParsePriority(pr) : (int?)null;
            var labelOps = p.GetValue(labels) ?? [];
            var newTitle = p.GetValue(title);
            var newDescription = p.GetValue(description);
            var now = store.Options.Clock.GetUtcNow();
            var bead = store.Update(p.GetValue(id)!, b =>
            {
                var next = b with
                {
                    Title = newTitle ?? b.Title,
                    Type = newType ?? b.Type,
                    Priority = newPriority ?? b.Priority,
                    Description = newDescription ?? b.Description,
                    Labels = ApplyLabels(b.Labels, labelOps),
                };
                return newStatus is { } st ? BeadChanges.WithStatus(next, st, null, now) : next;
            });
            console.Out.WriteLine($"updated {bead.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Assign(CliConsole console)
    {
        var id = IdArgument();
        var agent = new Option<string>("--agent") { Description = "Agent name; empty to unassign.", Required = true };
        var command = new Command("assign", "Assign a bead to an agent.") { id, agent };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var name = p.GetValue(agent)!.Trim();
            var bead = store.Update(p.GetValue(id)!, b => b with { Agent = name.Length == 0 ? null : name });
            console.Out.WriteLine(bead.Agent is null ? $"{bead.Id} unassigned" : $"{bead.Id} assigned to {bead.Agent}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Close(CliConsole console)
    {
        var id = IdArgument();
        var reason = new Option<string?>("--reason", "-r") { Description = "Why it is done (or won't be)." };
        var command = new Command("close", "Mark a bead done.") { id, reason };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var bead = store.SetStatus(p.GetValue(id)!, BeadStatus.Done, p.GetValue(reason));
            console.Out.WriteLine($"closed {bead.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Reopen(CliConsole console)
    {
        var id = IdArgument();
        var command = new Command("reopen", "Open a done bead again.") { id };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var bead = store.SetStatus(p.GetValue(id)!, BeadStatus.Open);
            console.Out.WriteLine($"reopened {bead.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Comment(CliConsole console)
    {
        var id = IdArgument();
        var text = new Argument<string>("TEXT") { Description = "The comment." };
        var command = new Command("comment", "Add a comment to a bead (author: GODEL_ACTOR or git user.name).") { id, text };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var bead = store.Comment(p.GetValue(id)!, p.GetValue(text)!);
            console.Out.WriteLine($"commented on {bead.Id}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Dep(CliConsole console)
    {
        var command = new Command("dep", "Manage what a bead is blocked by.");
        command.Subcommands.Add(DepChange(console, "add", "Make ID wait for BLOCKER (cycles are refused).", (s, id, b) => s.AddBlocker(id, b)));
        command.Subcommands.Add(DepChange(console, "remove", "Stop ID waiting for BLOCKER.", (s, id, b) => s.RemoveBlocker(id, b)));
        return command;
    }

    /// <summary>`+x` or `x` adds, `-x` removes.</summary>
    public static IReadOnlyList<string> ApplyLabels(IReadOnlyList<string> labels, IEnumerable<string> ops)
    {
        var result = labels.ToList();
        foreach (var op in ops.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (op.StartsWith('-')) result.Remove(op[1..]);
            else if (!result.Contains(op.TrimStart('+'))) result.Add(op.TrimStart('+'));
        }
        return result;
    }

    private static Command DepChange(CliConsole console, string name, string description, Func<BeadStore, string, string, Bead> change)
    {
        var id = IdArgument();
        var blocker = new Argument<string>("BLOCKER") { Description = "The bead ID waits for." };
        var command = new Command(name, description) { id, blocker };
        command.SetAction(p => BeadCli.WithStore(console, store =>
        {
            var bead = change(store, p.GetValue(id)!, p.GetValue(blocker)!);
            console.Out.WriteLine(bead.BlockedBy.Count == 0
                ? $"{bead.Id} is not blocked by anything"
                : $"{bead.Id} is blocked by {string.Join(", ", bead.BlockedBy)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Argument<string> IdArgument() => new("ID") { Description = "Bead id or any unique prefix of it." };
}
