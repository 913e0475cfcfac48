// Godel's own loose-object writer: piecewise-deflated big trees that git reads, Adler-32, and git's fsync settings.
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Godel.Beads.Model;
using Godel.Beads.Store;

namespace Godel.Beads.Tests;

public sealed class ObjectWriterTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private string GitDir => Path.Combine(_repo.Dir, ".git");

    [Fact]
    public void Adler32_matches_the_reference_value_and_combines_like_one_pass()
    {
        Assert.Equal(0x11E60398u, Adler32.Compute(Adler32.Initial, "Wikipedia"u8));
        var data = RandomNumberGenerator.GetBytes(20_000);
        data.AsSpan(0, 7000).Fill(0xFF); // long runs of high bytes stress the deferred modulo
        foreach (var cut in new[] { 0, 1, 5551, 5552, 7000, 12_345, 20_000 })
        {
            var a = Adler32.Compute(Adler32.Initial, data.AsSpan(0, cut));
            var b = Adler32.Compute(Adler32.Initial, data.AsSpan(cut));
            Assert.Equal(Adler32.Compute(Adler32.Initial, data), Adler32.Combine(a, b, data.Length - cut));
        }
    }

    [Fact]
    public void A_big_tree_written_piecewise_is_read_back_by_git_and_zlib_after_adds_changes_and_removals()
    {
        var writer = new LooseObjectWriter(GitDir);
        var blobs = Enumerable.Range(0, 3000).Select(i => writer.Write("blob", Encoding.UTF8.GetBytes($"bead {i}\n"))).ToList();
        var tree = RawTree.From(blobs.Select((oid, i) => new RawEntry($"godel-{i:x5}.json", RawEntry.FileMode, oid)));
        Check(tree, writer.WriteTree(tree));
        var firstWrite = writer.PiecesDeflated;
        Assert.True(firstWrite >= 5, $"a 3000-entry tree should be cut into several pieces, got {firstWrite}");

        tree.Set(new RawEntry("godel-new00.json", RawEntry.FileMode, blobs[7]));  // added
        Check(tree, writer.WriteTree(tree));
        tree.Set(new RawEntry("godel-00010.json", RawEntry.FileMode, blobs[11])); // changed
        Check(tree, writer.WriteTree(tree));
        Assert.True(tree.Remove("godel-00bb7.json"));                                // removed
        Check(tree, writer.WriteTree(tree));

        // Each one-line change recompressed the piece holding it (two if the line is itself a cut point), not the tree.
        Assert.InRange(writer.PiecesDeflated - firstWrite, 3, 6);
        _repo.Git("fsck --strict --no-dangling");
    }

    [Fact]
    public void A_small_tree_and_a_blob_are_plain_zlib_objects_git_agrees_with()
    {
        var writer = new LooseObjectWriter(GitDir);
        var blob = writer.Write("blob", "hello\n"u8);
        File.WriteAllText(Path.Combine(_repo.Dir, "hello.txt"), "hello\n");
        Assert.Equal(_repo.Git("hash-object hello.txt").Trim(), Convert.ToHexStringLower(blob));
        var tree = RawTree.From([new RawEntry("a.json", RawEntry.FileMode, blob)]);
        Check(tree, writer.WriteTree(tree));
    }

    [Fact]
    public void Git_fsync_settings_are_read_as_git_reads_them()
    {
        Assert.Equal((false, false), GitFsync.Parse(null));                     // git's default: packs only
        Assert.Equal((true, true), GitFsync.Parse("committed"));
        Assert.Equal((true, false), GitFsync.Parse("loose-object"));
        Assert.Equal((true, true), GitFsync.Parse("all,-reference"));           // git: what is named positively wins
        Assert.Equal((true, false), GitFsync.Parse("none,loose-object"));
        Assert.Equal((false, true), GitFsync.Parse("reference,-loose-object"));
        Assert.Equal((false, false), GitFsync.Parse("pack,index"));
        _repo.Git("config core.fsyncObjectFiles true");
        using var repo = new LibGit2Sharp.Repository(_repo.Dir);
        Assert.Equal(new GitFsync(true, false), GitFsync.From(repo));
    }

    [Fact]
    public void A_store_that_asks_for_fsync_of_everything_still_writes_good_commits()
    {
        _repo.Git("config core.fsync all");
        using var store = BeadStore.Open(_repo.Dir);
        var bead = store.Create(new NewBead { Title = "durable" });
        store.SetStatus(bead.Id, BeadStatus.Done);
        Assert.Equal("2", _repo.Git("rev-list --count godel/beads").Trim());
        _repo.Git("fsck --strict --no-dangling");
    }

    // The object must decompress to exactly `tree N\0` + content, and git must list every entry.
    private void Check(RawTree tree, byte[] id)
    {
        var hex = Convert.ToHexStringLower(id);
        var content = tree.Serialize();
        using (var file = File.OpenRead(Path.Combine(GitDir, "objects", hex[..2], hex[2..])))
        using (var zlib = new ZLibStream(file, CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            zlib.CopyTo(plain);
            Assert.Equal([.. Encoding.ASCII.GetBytes($"tree {content.Length}\0"), .. content], plain.ToArray());
        }
        Assert.Equal(RawTree.HashHex(content), hex);
        var listed = _repo.Git($"ls-tree {hex}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(tree.Entries.Count, listed.Length);
    }
}
