// `godel bead edit ID`: the bead's JSON in $VISUAL/$EDITOR, validated before saving; a bad edit is never lost.
using System.CommandLine;
using System.Diagnostics;
using Godel.Beads.Json;
using Godel.Beads.Store;
using Godel.Cli.Beads;

namespace Godel.Cli.Verbs;

internal static class BeadEditVerb
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "Bead id or any unique prefix of it." };
        var command = new Command("edit", "Edit a bead's JSON in $VISUAL/$EDITOR; it is validated before saving.") { id };
        command.SetAction(p => BeadCli.WithStore(console, store => Edit(console, store, p.GetValue(id)!)));
        return command;
    }

    private static int Edit(CliConsole console, BeadStore store, string input)
    {
        var view = store.View();
        var beadId = view.ResolveBeadId(input);
        var original = store.ReadBeadFile(beadId) ?? throw new CliException($"no bead {beadId}");
        // What the editor starts from, parsed: the base for merging a change someone else makes while the user edits.
        var opened = view.BrokenError(beadId) is null ? BeadJson.ParseBead(original, beadId) : null;
        var editor = console.GetEnv("VISUAL") ?? console.GetEnv("EDITOR")
            ?? throw new CliException("set $EDITOR (or $VISUAL) to the editor to use, e.g. EDITOR=nano", ExitCodes.Usage);
        var temp = Path.Combine(Path.GetTempPath(), $"godel-{beadId}-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(temp, original);
        while (true)
        {
            RunEditor(editor, temp, console.WorkingDirectory);
            var edited = File.ReadAllBytes(temp);
            if (edited.AsSpan().SequenceEqual(original) && view.BrokenError(beadId) is null)
            {
                File.Delete(temp);
                console.Out.WriteLine($"{beadId}: no changes");
                return ExitCodes.Ok;
            }
            try
            {
                var parsed = BeadJson.ParseBead(edited, temp);
                var changedMeanwhile = ChangedSince(store, beadId, opened);
                var bead = store.Replace(beadId, parsed, opened);
                if (changedMeanwhile) console.Out.WriteLine($"{beadId} was changed while you edited; your edit was merged into that change");
                File.Delete(temp);
                console.Out.WriteLine($"saved {bead.Id}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is BeadFormatException or BeadStoreException)
            {
                console.Error.WriteLine($"godel: not saved: {e.Message}");
                if (!AskReedit(console))
                {
                    console.Error.WriteLine($"godel: your edit is kept in {temp}");
                    return ExitCodes.Failure;
                }
            }
        }
    }

    // Only to tell the user; the store decides on the state it writes against, whatever this saw.
    private static bool ChangedSince(BeadStore store, string id, Godel.Beads.Model.Bead? opened) =>
        opened is not null && store.View().Find(id) is { } now && !BeadJson.ToFile(now).AsSpan().SequenceEqual(BeadJson.ToFile(opened));

    // Only a person at a terminal can answer; scripts get the kept file instead of a prompt that hangs.
    // End of input counts as "no": the edit is kept in its file rather than the editor reopened forever.
    private static bool AskReedit(CliConsole console)
    {
        if (!console.IsTerminal || !console.IsInputTerminal) return false;
        console.Error.Write("edit again? [Y/n] ");
        var answer = console.In.ReadLine()?.Trim().ToLowerInvariant();
        return answer is "" or "y" or "yes";
    }

    private static void RunEditor(string editor, string file, string workingDirectory)
    {
        // Through the shell, like git: EDITOR may carry arguments ("code --wait").
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var arg in new[] { "-c", editor + " \"$1\"", "sh", file }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new CliException($"could not start editor '{editor}'");
        process.WaitForExit();
        if (process.ExitCode != 0) throw new CliException($"editor '{editor}' exited with {process.ExitCode}; nothing saved ({file} kept)");
    }
}
