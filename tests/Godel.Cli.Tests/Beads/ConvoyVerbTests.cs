// `godel convoy …` and `godel sync` in-process against real repositories.
using System.Text.Json;

namespace Godel.Cli.Tests.Beads;

public sealed class ConvoyVerbTests : IDisposable
{
    private readonly BeadsRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Create(params string[] args) => _repo.Ok(["bead", "create", .. args, "--quiet"]).Trim();

    private JsonElement Json(params string[] args) => JsonDocument.Parse(_repo.Ok(args)).RootElement;

    [Fact]
    public void A_convoy_tracks_progress_and_completes_when_its_beads_are_done()
    {
        var a = Create("A");
        var b = Create("B", "--blocked-by", a);
        var c = Create("C");
        var convoy = _repo.Ok("convoy", "create", "Sprint 1", a, b).Trim();
        Assert.Matches("^godel-cv-[0-9a-z]{5}$", convoy);
        _repo.Ok("convoy", "add", convoy, c);
        _repo.Ok("convoy", "remove", convoy, c);
        _repo.Ok("convoy", "add", convoy, c);
        _repo.Ok("bead", "update", c, "--status", "in-progress");
        _repo.Ok("bead", "assign", c, "--agent", "claude-1");

        var list = Json("convoy", "list", "--json")[0];
        Assert.Equal("active", list.GetProperty("status").GetString());
        Assert.Equal(3, list.GetProperty("total").GetInt32());

        var status = Json("convoy", "status", "--json")[0];
        var waiting = status.GetProperty("unfinished").EnumerateArray()
            .ToDictionary(w => w.GetProperty("id").GetString()!, w => w.GetProperty("waiting_on").GetString());
        Assert.Equal("ready, unassigned", waiting[a]);
        Assert.Equal($"blocked by {a}", waiting[b]);
        Assert.Equal("in progress (claude-1)", waiting[c]);
        var text = _repo.Ok("convoy", "status");
        Assert.Contains("Sprint 1  0/3 done", text, StringComparison.Ordinal);

        foreach (var id in new[] { a, b, c }) _repo.Ok("bead", "close", id);
        Assert.Equal("completed", Json("convoy", "show", convoy[..12], "--json").GetProperty("convoy").GetProperty("status").GetString());
        Assert.Equal("no active convoys\n", _repo.Ok("convoy", "status"));
        _repo.Ok("bead", "reopen", b);
        Assert.Equal("active", Json("convoy", "list", "--json")[0].GetProperty("status").GetString());
        Assert.Contains("2/3", _repo.Ok("convoy", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public void Convoy_show_calls_a_member_with_a_broken_file_unreadable_not_missing()
    {
        var good = Create("good");
        var broken = Create("will break");
        var convoy = _repo.Ok("convoy", "create", "Sprint", good, broken).Trim();
        _repo.BreakBead(broken, "{ \"id\": \"" + broken + "\", \"title\": ");

        var text = _repo.Run("convoy", "show", convoy);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"unreadable: {broken} (fix it with `godel bead edit {broken}`)", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("missing:", text.Out, StringComparison.Ordinal);
        Assert.Contains($"warning: skipped .godel/beads/{broken}.json: line 1", text.Error, StringComparison.Ordinal);

        var json = JsonDocument.Parse(_repo.Run("convoy", "show", convoy, "--json").Out).RootElement;
        Assert.Equal(["convoy", "beads", "missing", "unreadable", "schema"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal([broken], json.GetProperty("missing").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([broken], json.GetProperty("unreadable").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Convoy_with_an_unknown_bead_fails_and_writes_nothing()
    {
        var r = _repo.Run("convoy", "create", "Bad", "godel-nope0");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no bead godel-nope0", r.Error, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => _repo.Git("rev-parse --verify -q godel/beads"));
    }

    [Fact]
    public void Sync_verb_shares_beads_through_a_bare_remote()
    {
        using var remote = new BeadsRepo(bare: true);
        using var a = new BeadsRepo(cloneOf: remote.Dir);
        using var b = new BeadsRepo(cloneOf: remote.Dir);
        var id = a.Ok("bead", "create", "shared", "--quiet").Trim();
        Assert.Contains("pushed to origin", a.Ok("sync"), StringComparison.Ordinal);
        Assert.Contains("fast-forwarded", b.Ok("sync", "origin"), StringComparison.Ordinal);
        Assert.Contains("shared", b.Ok("bead", "show", id), StringComparison.Ordinal);
        var missing = b.Run("sync", "nosuchremote");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("git fetch nosuchremote failed", missing.Error, StringComparison.Ordinal);
    }
}
