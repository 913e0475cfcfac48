// Every `godel bead …` verb in-process against a real repository, including `--json` and bad input.
using System.Text.Json;

namespace Godel.Cli.Tests.Beads;

public sealed class BeadVerbTests : IDisposable
{
    private readonly BeadsRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Create(params string[] args) => _repo.Ok(["bead", "create", .. args, "--quiet"]).Trim();

    private JsonElement[] Json(params string[] args) => JsonDocument.Parse(_repo.Ok(args)).RootElement.EnumerateArray().ToArray();

    [Fact]
    public void Create_prints_the_id_and_quiet_prints_only_the_id()
    {
        var loud = _repo.Ok("bead", "create", "Fix auth bug", "--type", "bug", "-p", "1", "-l", "auth", "-d", "details");
        Assert.Matches("^created godel-[0-9a-z]{5}: Fix auth bug\n$", loud);
        Assert.Matches("^godel-[0-9a-z]{5}\n$", _repo.Ok("bead", "create", "Second", "--quiet"));
    }

    [Fact]
    public void List_shows_an_aligned_table_hides_done_and_filters()
    {
        var bug = Create("Crash on start", "--type", "bug", "-p", "0", "-l", "ui");
        var task = Create("Write docs", "-l", "docs");
        var done = Create("Old thing");
        _repo.Ok("bead", "close", done);
        _repo.Ok("bead", "assign", task, "--agent", "claude-1");

        var table = _repo.Ok("bead", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, table.Length);
        Assert.StartsWith("ID", table[0], StringComparison.Ordinal);
        var titleColumn = table[0].IndexOf("TITLE", StringComparison.Ordinal);
        Assert.Equal("Crash on start", table[1][titleColumn..].Split("  ")[0]);
        Assert.DoesNotContain("Old thing", string.Join('\n', table), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", string.Join('\n', table), StringComparison.Ordinal); // not a terminal: no colour

        Assert.Equal(3, Json("bead", "list", "--all", "--json").Length);
        Assert.Equal([bug], Json("bead", "list", "--type", "bug", "--json").Select(b => b.GetProperty("id").GetString()));
        Assert.Equal([task], Json("bead", "list", "--label", "docs", "--json").Select(b => b.GetProperty("id").GetString()));
        Assert.Equal([task], Json("bead", "list", "--agent", "claude-1", "--json").Select(b => b.GetProperty("id").GetString()));
        Assert.Equal([done], Json("bead", "list", "--status", "done", "--json").Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public void Tables_are_coloured_on_a_terminal_unless_NO_COLOR_is_set()
    {
        var id = Create("Coloured", "-p", "0");
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        Assert.Contains("\u001b[", _repo.RunTyping(env, "", "bead", "list").Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[", _repo.RunTyping(env, "", "bead", "show", id).Out, StringComparison.Ordinal);

        env["NO_COLOR"] = "1";
        foreach (var args in new[] { new[] { "bead", "list" }, ["bead", "ready"], ["bead", "show", id], ["convoy", "list"], ["convoy", "status"] })
        {
            var r = _repo.RunTyping(env, "", args);
            Assert.Equal(0, r.ExitCode);
            Assert.DoesNotContain("\u001b[", r.Out, StringComparison.Ordinal);
        }
        Assert.Contains("Coloured", _repo.RunTyping(env, "", "bead", "list").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_json_follows_the_documented_schema()
    {
        var id = Create("Schema check", "-l", "a");
        var bead = Assert.Single(Json("bead", "list", "--json"));
        string[] keys = ["schema", "id", "title", "description", "type", "status", "priority", "labels", "agent", "worktree",
            "branch", "commits", "blocked_by", "comments", "created", "updated", "closed", "close_reason"];
        Assert.Equal(keys, bead.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, bead.GetProperty("schema").GetInt32());
        Assert.Equal(id, bead.GetProperty("id").GetString());
        Assert.Equal("open", bead.GetProperty("status").GetString());
    }

    [Fact]
    public void Show_prints_details_comments_history_and_linked_commits()
    {
        var id = Create("Shown", "-d", "Longer text");
        _repo.Ok("bead", "comment", id, "first comment");
        _repo.Git($"commit -q --allow-empty -m \"Implement it\" -m \"Bead: {id}\"");
        var text = _repo.Ok("bead", "show", id[..9]);
        Assert.Contains($"{id}  Shown", text, StringComparison.Ordinal);
        Assert.Contains("Longer text", text, StringComparison.Ordinal);
        Assert.Contains("Test User: first comment", text, StringComparison.Ordinal);
        Assert.Contains("Implement it", text, StringComparison.Ordinal);
        Assert.Contains($"{id}: created \"Shown\"", text, StringComparison.Ordinal);

        var json = JsonDocument.Parse(_repo.Ok("bead", "show", id, "--json")).RootElement;
        Assert.Equal(id, json.GetProperty("bead").GetProperty("id").GetString());
        Assert.Equal(2, json.GetProperty("history").GetArrayLength());
        Assert.Equal("Implement it", json.GetProperty("linked_commits")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public void Update_assign_close_reopen_and_comment_change_the_bead()
    {
        var id = Create("Original", "-l", "keep", "-l", "drop");
        _repo.Ok("bead", "update", id, "--title", "Renamed", "--status", "in-progress", "--priority", "p1", "--type", "feature",
            "--label", "+new", "--label=-drop", "-d", "desc");
        var b = Json("bead", "list", "--json").Single();
        Assert.Equal("Renamed", b.GetProperty("title").GetString());
        Assert.Equal("in-progress", b.GetProperty("status").GetString());
        Assert.Equal(1, b.GetProperty("priority").GetInt32());
        Assert.Equal("feature", b.GetProperty("type").GetString());
        Assert.Equal(["keep", "new"], b.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal($"{id}: title \"Original\" → \"Renamed\", status open → in-progress, type task → feature, priority 2 → 1, description edited, +label new, -label drop",
            _repo.Git("log -1 --format=%s godel/beads").Trim());

        _repo.Ok("bead", "close", id, "--reason", "shipped");
        var closed = Json("bead", "list", "--all", "--json").Single();
        Assert.Equal("done", closed.GetProperty("status").GetString());
        Assert.Equal("shipped", closed.GetProperty("close_reason").GetString());
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closed").ValueKind);

        _repo.Ok("bead", "reopen", id);
        var reopened = Json("bead", "list", "--json").Single();
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closed").ValueKind);

        var r = _repo.RunWith(new Dictionary<string, string?> { ["GODEL_ACTOR"] = "codex-2" }, "bead", "comment", id, "done by agent");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("codex-2", Json("bead", "list", "--json").Single().GetProperty("comments")[0].GetProperty("author").GetString());
    }

    [Fact]
    public void Dependencies_drive_ready_and_cycles_exit_2_with_the_cycle()
    {
        var a = Create("A", "-p", "3");
        var b = Create("B", "-p", "0", "--blocked-by", a);
        var c = Create("C", "-p", "1");
        Assert.Equal([c, a], Json("bead", "ready", "--json").Select(x => x.GetProperty("id").GetString()));

        var cycle = _repo.Run("bead", "dep", "add", a, b);
        Assert.Equal(2, cycle.ExitCode);
        Assert.Contains($"{a} → {b} → {a}", cycle.Error, StringComparison.Ordinal);

        _repo.Ok("bead", "dep", "remove", b, a);
        Assert.Equal([b, c, a], Json("bead", "ready", "--json").Select(x => x.GetProperty("id").GetString()));
        _repo.Ok("bead", "dep", "add", c, a);
        _repo.Ok("bead", "close", a);
        Assert.Equal([b, c], Json("bead", "ready", "--json").Select(x => x.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("--status", "finished", "valid: open, in-progress, blocked, done")]
    [InlineData("--type", "story", "valid: task, bug, feature, chore, epic")]
    [InlineData("--priority", "7", "valid: 0 (critical), 1, 2, 3, 4")]
    public void Invalid_values_exit_2_and_list_the_valid_ones(string option, string value, string expected)
    {
        var id = Create("x");
        var r = _repo.Run("bead", "update", id, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create|x|--type|story", "valid: task, bug, feature, chore, epic")]
    [InlineData("create|x|--priority|p9", "valid: 0 (critical), 1, 2, 3, 4")]
    [InlineData("create|x|--priority|-1", "valid: 0 (critical), 1, 2, 3, 4")]
    [InlineData("list|--status|closed", "valid: open, in-progress, blocked, done")]
    [InlineData("list|--type|story", "valid: task, bug, feature, chore, epic")]
    public void Invalid_values_on_create_and_list_exit_2_list_the_valid_ones_and_write_nothing(string args, string expected)
    {
        Create("existing");
        var tip = _repo.Git("rev-parse godel/beads").Trim();
        var r = _repo.Run(["bead", .. args.Split('|')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.Equal(tip, _repo.Git("rev-parse godel/beads").Trim());
    }

    [Fact]
    public void Unknown_ids_exit_1_with_close_matches_and_ambiguous_prefixes_exit_2()
    {
        var id = Create("x");
        var typo = id[..^1] + (id[^1] == 'z' ? 'y' : 'z');
        var unknown = _repo.Run("bead", "show", typo);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal($"godel: no bead {typo}; did you mean {id}?\n", unknown.Error);

        var ids = Enumerable.Range(0, 40).Select(i => Create($"b{i}")).Append(id).ToList();
        // Not 'g': typed alone it is also a prefix of "godel-", so it would match every bead.
        var shared = ids.GroupBy(x => x[6]).First(g => g.Count() > 1 && g.Key != 'g');
        var ambiguous = _repo.Run("bead", "show", shared.Key.ToString());
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("is ambiguous", ambiguous.Error, StringComparison.Ordinal);
        Assert.All(shared, x => Assert.Contains(x, ambiguous.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_a_repository_verbs_exit_2_with_a_clear_message()
    {
        var dir = Path.Combine(Path.GetTempPath(), "godel-cli-norepo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var error = new StringWriter();
            var console = new CliConsole(new StringWriter(), error, dir, new Dictionary<string, string?>());
            Assert.Equal(2, await GodelApp.RunAsync(["bead", "list"], console));
            Assert.Contains("not in a git repository", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void A_broken_file_is_warned_about_while_list_shows_the_rest()
    {
        var good = Create("good");
        var bad = Create("will break");
        _repo.BreakBead(bad, "{ \"id\": \"" + bad + "\", \"title\": ");
        var r = _repo.Run("bead", "list", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([good], JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Contains($"warning: skipped .godel/beads/{bad}.json:", r.Error, StringComparison.Ordinal);
        var show = _repo.Run("bead", "show", bad);
        Assert.Equal(1, show.ExitCode);
        Assert.Contains($".godel/beads/{bad}.json", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bead_blocked_by_a_broken_file_is_not_ready()
    {
        var blocker = Create("blocker");
        var waiting = Create("waiting", "--blocked-by", blocker);
        var free = Create("free");
        _repo.BreakBead(blocker, "{ \"id\": \"" + blocker + "\", \"title\": ");

        var r = _repo.Run("bead", "ready", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([free], JsonDocument.Parse(r.Out).RootElement.EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Contains($"warning: skipped .godel/beads/{blocker}.json", r.Error, StringComparison.Ordinal);
        Assert.Equal([blocker], JsonDocument.Parse(_repo.Ok("bead", "show", waiting, "--json")).RootElement
            .GetProperty("open_blockers").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public void Edit_saves_a_valid_edit_and_keeps_an_invalid_one_in_a_file()
    {
        var id = Create("Before edit");
        var script = Path.Combine(_repo.Root, "editor.sh");
        File.WriteAllText(script, "#!/bin/sh\nsed -i 's/Before edit/After edit/' \"$1\"\n");
        var ok = _repo.RunWith(new Dictionary<string, string?> { ["EDITOR"] = $"sh {script}" }, "bead", "edit", id);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("After edit", Json("bead", "list", "--json").Single().GetProperty("title").GetString());

        File.WriteAllText(script, "#!/bin/sh\nprintf '{ broken' > \"$1\"\n");
        var bad = _repo.RunWith(new Dictionary<string, string?> { ["EDITOR"] = $"sh {script}" }, "bead", "edit", id);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not saved", bad.Error, StringComparison.Ordinal);
        var kept = bad.Error.Split("kept in ")[1].Trim();
        Assert.Equal("{ broken", File.ReadAllText(kept));
        File.Delete(kept);
        Assert.Equal("After edit", Json("bead", "list", "--json").Single().GetProperty("title").GetString());
    }

    [Fact]
    public void Edit_on_a_terminal_offers_to_edit_again_and_saves_the_corrected_edit()
    {
        var id = Create("Before edit");
        var commits = Count(_repo.Git("rev-list --count godel/beads"));
        // First run breaks the JSON, the second (after "y") sees its own broken text again and makes a valid change.
        var script = EditorScript("""
            if grep -q broken "$1"; then sed -i 's/ broken//; s/Before edit/Fixed on second try/' "$1"
            else sed -i 's/"title"/broken "title"/' "$1"; fi
            """);
        var r = _repo.RunTyping(Editor(script), "y\n", "bead", "edit", id);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("godel: not saved: ", r.Error, StringComparison.Ordinal);
        Assert.Contains("edit again? [Y/n] ", r.Error, StringComparison.Ordinal);
        Assert.Equal($"saved {id}\n", r.Out);
        Assert.Equal("Fixed on second try", Json("bead", "list", "--json").Single().GetProperty("title").GetString());
        Assert.Equal(commits + 1, Count(_repo.Git("rev-list --count godel/beads")));
    }

    [Fact]
    public void Edit_on_a_terminal_answered_no_saves_nothing_and_keeps_the_edit()
    {
        var id = Create("Keep me");
        var tip = _repo.Git("rev-parse godel/beads").Trim();
        // Valid JSON but an invalid value: refused by validation, not by the parser.
        var script = EditorScript("""sed -i 's/"priority": 2/"priority": 9/; s/Keep me/Should not land/' "$1" """);
        var r = _repo.RunTyping(Editor(script), "n\n", "bead", "edit", id);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("godel: not saved: ", r.Error, StringComparison.Ordinal);
        Assert.Contains("priority", r.Error, StringComparison.Ordinal);
        var kept = r.Error.Split("kept in ")[1].Trim();
        Assert.Contains("Should not land", File.ReadAllText(kept), StringComparison.Ordinal);
        File.Delete(kept);
        Assert.Equal(tip, _repo.Git("rev-parse godel/beads").Trim());
        Assert.Equal("Keep me", Json("bead", "list", "--json").Single().GetProperty("title").GetString());
    }

    [Fact]
    public void Edit_on_a_terminal_treats_end_of_input_as_no()
    {
        var id = Create("Eof");
        var script = EditorScript("""printf 'not json' > "$1" """);
        var r = _repo.RunTyping(Editor(script), "", "bead", "edit", id);

        Assert.Equal(1, r.ExitCode);
        var kept = r.Error.Split("kept in ")[1].Trim();
        Assert.Equal("not json", File.ReadAllText(kept));
        File.Delete(kept);
        Assert.Equal("Eof", Json("bead", "list", "--json").Single().GetProperty("title").GetString());
    }

    [Fact]
    public void Edit_merges_a_change_another_process_made_while_the_editor_was_open()
    {
        var id = Create("Before edit", "-p", "2");
        // While the user edits, an agent (a real godel process) comments, starts the bead and raises its priority;
        // the user meanwhile retitles it and sets priority 3. Nothing the agent did may vanish; on the field both
        // changed (priority) the user's edit, the later change, wins.
        var agent = $"GODEL_ACTOR=agent dotnet \"{BeadsRepo.GodelDll}\" bead";
        var script = EditorScript($"""
            {agent} comment {id} "agent note" >/dev/null || exit 9
            {agent} update {id} --status in-progress --priority 0 >/dev/null || exit 9
            sed -i 's/Before edit/After edit/; s/"priority": 2/"priority": 3/' "$1"
            """);
        var r = _repo.RunWith(Editor(script), "bead", "edit", id);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("was changed while you edited", r.Out, StringComparison.Ordinal);
        var b = Json("bead", "list", "--json").Single();
        Assert.Equal("After edit", b.GetProperty("title").GetString());
        Assert.Equal("in-progress", b.GetProperty("status").GetString());
        Assert.Equal(3, b.GetProperty("priority").GetInt32());
        Assert.Equal(["agent note"], b.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
    }

    [Fact]
    public void Edit_without_a_concurrent_change_can_remove_a_comment()
    {
        var id = Create("Has a comment");
        _repo.Ok("bead", "comment", id, "remove me");
        var script = EditorScript("""sed -i '/"comments": \[/,/^  \]/c\  "comments": [],' "$1" """);
        var r = _repo.RunWith(Editor(script), "bead", "edit", id);

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.DoesNotContain("changed while you edited", r.Out, StringComparison.Ordinal);
        Assert.Equal(0, Json("bead", "list", "--json").Single().GetProperty("comments").GetArrayLength());
    }

    private string EditorScript(string body)
    {
        var script = Path.Combine(_repo.Root, $"editor-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "#!/bin/sh\n" + body.Trim() + "\n");
        return script;
    }

    private static Dictionary<string, string?> Editor(string script) => new(StringComparer.Ordinal) { ["EDITOR"] = $"sh {script}" };

    private static int Count(string text) => int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Reading_verbs_still_refuse_an_invalid_config()
    {
        Create("Listed");
        Assert.Equal(0, _repo.Run("bead", "list").ExitCode);
        File.WriteAllText(Path.Combine(_repo.Dir, "godel.toml"), "[workspace\nbead_prefix = 1\n");
        var r = _repo.Run("bead", "list", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("godel.toml", r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        File.Delete(Path.Combine(_repo.Dir, "godel.toml"));

        var env = _repo.RunWith(new Dictionary<string, string?>(StringComparer.Ordinal) { ["GODEL__NO_SUCH__KEY"] = "1" }, "bead", "ready");
        Assert.Equal(2, env.ExitCode);
        Assert.Contains("GODEL__NO_SUCH__KEY", env.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_repairs_a_broken_file()
    {
        var id = Create("to repair");
        _repo.BreakBead(id, "{ \"id\": \"" + id + "\", \"title\": ");
        var script = Path.Combine(_repo.Root, "fix.sh");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '{{\"id\": \"{id}\", \"title\": \"repaired\"}}' > \"$1\"\n");
        Assert.Equal(0, _repo.RunWith(new Dictionary<string, string?> { ["EDITOR"] = $"sh {script}" }, "bead", "edit", id).ExitCode);
        var r = _repo.Run("bead", "list", "--json");
        Assert.Equal("", r.Error);
        Assert.Equal("repaired", JsonDocument.Parse(r.Out).RootElement[0].GetProperty("title").GetString());
    }
}
