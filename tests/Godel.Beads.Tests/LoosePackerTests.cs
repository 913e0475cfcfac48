// The store packs the loose objects its writes leave behind once they pass a byte budget, and loses nothing doing it.
using Godel.Beads.Store;

namespace Godel.Beads.Tests;

public sealed class LoosePackerTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string Objects => Path.Combine(_repo.Dir, ".git", "objects");

    private int LooseCount() => Directory.EnumerateDirectories(Objects)
        .Where(d => Path.GetFileName(d).Length == 2)
        .Sum(d => Directory.EnumerateFiles(d).Count());

    private int PackCount() => Directory.EnumerateFiles(Path.Combine(Objects, "pack"), "*.pack").Count();

    [Fact]
    public void Past_the_budget_loose_objects_are_packed_and_every_bead_still_reads()
    {
        var options = new BeadStoreOptions { PackLooseObjectsAfterBytes = 40_000, WaitForPacking = true };
        var titles = new List<string>();
        using (var store = BeadStore.Open(_repo.Dir, options))
        {
            for (var i = 0; i < 60; i++)
            {
                var title = $"bead number {i} " + new string((char)('a' + (i % 26)), 400);
                titles.Add(store.Create(new NewBead { Title = title, Description = string.Join(' ', Enumerable.Repeat($"line {i}", 80)) }).Title);
            }
        }

        Assert.True(PackCount() >= 1, "no pack was written");
        // Without packing every write leaves a blob, two trees, a root tree and a commit loose (5 x 60 objects).
        Assert.True(LooseCount() < 150, $"{LooseCount()} loose objects remain");
        _repo.Git("fsck --strict --no-dangling");
        using var reopened = BeadStore.Open(_repo.Dir);
        Assert.Equal(titles.Order(StringComparer.Ordinal), reopened.View().Beads.Values.Select(b => b.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Under_the_budget_or_switched_off_nothing_is_packed_and_the_count_is_kept()
    {
        using (var store = BeadStore.Open(_repo.Dir, new BeadStoreOptions { PackLooseObjectsAfterBytes = 0, WaitForPacking = true }))
        {
            for (var i = 0; i < 5; i++) store.Create(new NewBead { Title = $"off {i}" });
        }
        Assert.Equal(0, PackCount());
        Assert.False(File.Exists(Path.Combine(_repo.Dir, ".git", LoosePacker.CounterFile)));

        using (var store = BeadStore.Open(_repo.Dir, new BeadStoreOptions { PackLooseObjectsAfterBytes = 1L << 30, WaitForPacking = true }))
        {
            store.Create(new NewBead { Title = "counted" });
        }
        Assert.Equal(0, PackCount());
        var counted = long.Parse(File.ReadAllText(Path.Combine(_repo.Dir, ".git", LoosePacker.CounterFile)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(counted, 100, 100_000);
    }
}
