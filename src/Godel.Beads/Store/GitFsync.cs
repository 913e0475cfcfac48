// Which files git's own settings (core.fsync, core.fsyncObjectFiles) say must reach the disk before a write returns.
using LibGit2Sharp;

namespace Godel.Beads.Store;

/// <summary>
/// Godel writes exactly what git would fsync, no more: by default git (2.36+) hardens packs and their metadata but
/// neither loose objects nor refs, and Godel only writes loose objects and a ref. A user who set
/// `core.fsync=loose-object,reference` (or `committed`, `all`, or the older `core.fsyncObjectFiles=true`) gets both.
/// </summary>
internal sealed record GitFsync(bool LooseObjects, bool References)
{
    public static readonly GitFsync GitDefault = new(false, false);

    public static GitFsync From(Repository repo)
    {
        var list = repo.Config.Get<string>("core.fsync")?.Value;
        var legacy = repo.Config.Get<bool>("core.fsyncObjectFiles")?.Value ?? false;
        var (loose, refs) = Parse(list);
        return new GitFsync(loose || legacy, refs);
    }

    /// <summary>git's rule: start from the default, `none` clears it, `-x` removes x, `x` adds x.</summary>
    public static (bool Loose, bool Refs) Parse(string? components)
    {
        bool loose = false, refs = false;
        bool addLoose = false, addRefs = false, dropLoose = false, dropRefs = false;
        foreach (var raw in (components ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "none")
            {
                loose = refs = false;
                continue;
            }
            var negative = raw.StartsWith('-');
            var (l, r) = Covers(negative ? raw[1..] : raw);
            if (negative) { dropLoose |= l; dropRefs |= r; }
            else { addLoose |= l; addRefs |= r; }
        }
        return ((loose && !dropLoose) || addLoose, (refs && !dropRefs) || addRefs);
    }

    private static (bool Loose, bool Refs) Covers(string component) => component switch
    {
        "loose-object" or "objects" => (true, false),
        "reference" => (false, true),
        "committed" or "added" or "all" => (true, true),
        _ => (false, false),
    };
}
