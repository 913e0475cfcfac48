// The field-level three-way merge rules sync relies on.
using Godel.Beads.Model;
using Godel.Beads.Sync;

namespace Godel.Beads.Tests;

public sealed class BeadMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Bead Base() => new()
    {
        Id = "godel-aaaaa", Title = "base", Labels = ["x", "y"], Created = T0, Updated = T0,
        Comments = [new BeadComment("a", "first", T0)],
    };

    [Fact]
    public void Different_fields_changed_on_each_side_are_both_kept()
    {
        var b = Base();
        var ours = b with { Title = "ours", Updated = T0.AddMinutes(1) };
        var theirs = b with { Priority = 0, Status = BeadStatus.InProgress, Updated = T0.AddMinutes(2) };
        var merged = BeadMerge.Merge(b, ours, theirs);
        Assert.Equal("ours", merged.Title);
        Assert.Equal(0, merged.Priority);
        Assert.Equal(BeadStatus.InProgress, merged.Status);
        Assert.Equal(T0.AddMinutes(2), merged.Updated);
    }

    [Fact]
    public void The_same_field_changed_on_both_sides_goes_to_the_later_update()
    {
        var b = Base();
        var ours = b with { Title = "ours", Updated = T0.AddMinutes(5) };
        var theirs = b with { Title = "theirs", Updated = T0.AddMinutes(3) };
        Assert.Equal("ours", BeadMerge.Merge(b, ours, theirs).Title);
        Assert.Equal("ours", BeadMerge.Merge(b, theirs, ours).Title);
    }

    [Fact]
    public void Labels_union_additions_and_keep_removals_comments_union_in_time_order()
    {
        var b = Base();
        var ours = b with { Labels = ["x", "y", "mine"], Comments = [.. b.Comments, new BeadComment("o", "ours", T0.AddMinutes(2))] };
        var theirs = b with { Labels = ["x", "theirs"], Comments = [.. b.Comments, new BeadComment("t", "theirs", T0.AddMinutes(1))] };
        var merged = BeadMerge.Merge(b, ours, theirs);
        Assert.Equal(["x", "mine", "theirs"], merged.Labels);
        Assert.Equal(["first", "theirs", "ours"], merged.Comments.Select(c => c.Text));
    }

    [Fact]
    public void Without_a_base_everything_from_both_sides_is_kept()
    {
        var ours = Base() with { Labels = ["a"] };
        var theirs = Base() with { Labels = ["b"], Title = "later", Updated = T0.AddDays(1) };
        var merged = BeadMerge.Merge(null, ours, theirs);
        Assert.Equal(["a", "b"], merged.Labels);
        Assert.Equal("later", merged.Title);
    }

    [Fact]
    public void Convoy_members_merge_as_sets()
    {
        var b = new Convoy { Id = "godel-cv-aaaaa", Name = "n", Beads = ["1", "2"], Created = T0, Updated = T0 };
        var merged = BeadMerge.Merge(b, b with { Beads = ["1", "2", "3"] }, b with { Beads = ["2"] });
        Assert.Equal(["2", "3"], merged.Beads);
    }
}
