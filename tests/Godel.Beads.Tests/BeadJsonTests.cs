// The file format: round trips, stable snake_case names, schema checks and clear parse errors.
using System.Text;
using Godel.Beads.Json;
using Godel.Beads.Model;

namespace Godel.Beads.Tests;

public sealed class BeadJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static Bead Sample() => new()
    {
        Id = "godel-a3f9k",
        Title = "Fix \"auth\" bug → now",
        Description = "line 1\nline 2",
        Type = BeadType.Bug,
        Status = BeadStatus.InProgress,
        Priority = 0,
        Labels = ["auth", "backend"],
        Agent = "claude-1",
        Worktree = ".godel/worktrees/claude-1",
        Branch = "godel/claude-1",
        Commits = ["0123456789abcdef0123456789abcdef01234567"],
        BlockedBy = ["godel-7d2qp"],
        Comments = [new BeadComment("ana", "looks good", T0)],
        Created = T0,
        Updated = T0.AddMinutes(5),
        Closed = T0.AddHours(1),
        CloseReason = "fixed",
    };

    [Fact]
    public void A_bead_round_trips_through_its_file_unchanged()
    {
        var bead = Sample();
        var parsed = BeadJson.ParseBead(BeadJson.ToFile(bead), "x.json");
        Assert.Equal(BeadJson.ToFile(bead), BeadJson.ToFile(parsed));
        Assert.Equal(bead.Title, parsed.Title);
        Assert.Equal(bead.Comments, parsed.Comments);
        Assert.Equal(bead.Labels, parsed.Labels);
        Assert.Equal(bead.Closed, parsed.Closed);
    }

    [Fact]
    public void The_file_uses_schema_1_snake_case_and_a_stable_property_order()
    {
        var text = Encoding.UTF8.GetString(BeadJson.ToFile(Sample()));
        string[] order = ["\"schema\": 1", "\"id\"", "\"title\"", "\"description\"", "\"type\": \"bug\"", "\"status\": \"in-progress\"",
            "\"priority\": 0", "\"labels\"", "\"agent\"", "\"worktree\"", "\"branch\"", "\"commits\"", "\"blocked_by\"",
            "\"comments\"", "\"created\"", "\"updated\"", "\"closed\"", "\"close_reason\""];
        var at = 0;
        foreach (var key in order)
        {
            var next = text.IndexOf(key, at, StringComparison.Ordinal);
            Assert.True(next >= at, $"{key} missing or out of order in:\n{text}");
            at = next;
        }
        Assert.Contains("→", text, StringComparison.Ordinal); // not \u2192: files stay readable in diffs
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_convoy_round_trips()
    {
        var convoy = new Convoy { Id = "godel-cv-abcde", Name = "Sprint 1", Beads = ["godel-a3f9k"], Created = T0, Updated = T0 };
        Assert.Equal(convoy.Beads, BeadJson.ParseConvoy(BeadJson.ToFile(convoy), "c.json").Beads);
    }

    [Theory]
    [InlineData("{ not json", "x.json")]
    [InlineData("{\"schema\": 1, \"title\": \"no id\"}", "id")]
    [InlineData("{\"schema\": 1, \"id\": \"godel-x\", \"title\": \"t\", \"status\": \"finished\"}", "status")]
    [InlineData("{\"schema\": 1, \"id\": \"godel-x\", \"title\": \"t\", \"priority\": 9}", "priority")]
    [InlineData("{\"schema\": 7, \"id\": \"godel-x\", \"title\": \"t\"}", "schema 7")]
    public void A_broken_file_is_reported_with_its_path_and_reason(string json, string expected)
    {
        var e = Assert.Throws<BeadFormatException>(() => BeadJson.ParseBead(Encoding.UTF8.GetBytes(json), ".godel/beads/x.json"));
        Assert.StartsWith(".godel/beads/x.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\n  \"id\": \"godel-x\",\n  \"title\": \"t\"\n  \"type\": \"bug\"\n}",
        ".godel/beads/x.json: line 4, column 3: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\"id\": \"godel-x\", \"title\": \"t\",\n \"status\": \"finished\"}",
        ".godel/beads/x.json: line 2, column 22: \"status\" is not valid; valid: open, in-progress, blocked, done")]
    [InlineData("{\"id\": \"godel-x\", \"title\": \"t\", \"type\": \"story\"}",
        ".godel/beads/x.json: line 1, column 48: \"type\" is not valid; valid: task, bug, feature, chore, epic")]
    [InlineData("{\"id\": \"godel-x\", \"title\": \"t\", \"priority\": \"high\"}",
        ".godel/beads/x.json: line 1, column 51: \"priority\" has a value of the wrong kind")]
    public void Parse_errors_give_the_line_and_column_counted_from_1_and_the_valid_values(string json, string expected)
    {
        var e = Assert.Throws<BeadFormatException>(() => BeadJson.ParseBead(Encoding.UTF8.GetBytes(json), ".godel/beads/x.json"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Missing_lists_in_a_hand_written_file_become_empty()
    {
        var bead = BeadJson.ParseBead("{\"id\":\"godel-x\",\"title\":\"t\",\"labels\":null}"u8, "x.json");
        Assert.Empty(bead.Labels);
        Assert.Empty(bead.Comments);
        Assert.Equal(BeadStatus.Open, bead.Status);
    }
}

public sealed class BeadListWriterTests
{
    [Fact]
    public void The_fast_list_writer_prints_exactly_what_the_serializer_prints()
    {
        var t = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero).AddTicks(1234);
        List<Bead> beads =
        [
            new() { Id = "godel-aaaaa", Title = "Quote \" and → and \\ and \n newline", Created = t, Updated = t },
            new()
            {
                Id = "godel-bbbbb", Title = "full", Description = "d", Type = BeadType.Epic, Status = BeadStatus.Done, Priority = 4,
                Labels = ["a", "b"], Agent = "claude-1", Worktree = "w", Branch = "b", Commits = ["c"], BlockedBy = ["godel-aaaaa"],
                Comments = [new BeadComment("ana", "hi <b>", t)], Created = t, Updated = t.AddHours(1), Closed = t.AddHours(2),
                CloseReason = "fixed",
            },
        ];
        Assert.Equal(BeadJson.ToOutput(beads, BeadJson.OutputContext.ListBead), BeadListWriter.ToJson(beads));
        Assert.Equal("[]", BeadListWriter.ToJson([]));
    }
}
