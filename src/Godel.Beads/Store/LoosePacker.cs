// Keeps the loose objects the bead store writes from piling up: past a byte budget, git packs them.
using System.Diagnostics;
using System.Globalization;

namespace Godel.Beads.Store;

/// <summary>
/// Every bead write stores a new root tree as a loose object (~270 KB at 10k beads), and git's own
/// `gc --auto` only counts objects (6,700 by default), so on a big store hundreds of megabytes of
/// near-identical trees could wait for it. This counts the bytes Godel wrote as loose objects, in a small
/// file next to git's objects, and past <c>threshold</c> starts `git repack -d -q`: it packs the loose
/// objects (delta-compressing those trees against each other) and deletes only loose copies that are now
/// in a pack, so a write running at the same time loses nothing. Called under the store's writer lock.
/// </summary>
internal sealed class LoosePacker(string commonDir, long threshold, bool wait)
{
    /// <summary>The file holding the count, in the repository's common git dir (git ignores unknown files there).</summary>
    public const string CounterFile = "godel-loose-bytes";

    private readonly string _counter = Path.Combine(commonDir, CounterFile);

    /// <summary>Adds the bytes a write stored as loose objects; packs once the total reaches the threshold.</summary>
    public void Added(long bytes)
    {
        if (threshold <= 0 || bytes <= 0) return;
        var total = Read() + bytes;
        if (total < threshold)
        {
            Save(total);
            return;
        }
        Save(0);
        Pack();
    }

    private long Read()
    {
        try
        {
            return long.TryParse(File.ReadAllText(_counter).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private void Save(long total)
    {
        try
        {
            File.WriteAllText(_counter, total.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a hint: at worst packing happens later (or by the user's own `git gc`).
        }
    }

    // Started and left running (like git's detached auto-gc), so the write that crosses the threshold is not
    // held up; if git is missing or fails, the objects simply stay loose.
    private void Pack()
    {
        var start = new ProcessStartInfo("git", ["--git-dir", commonDir, "repack", "-d", "-q"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null) return;
            git.StandardInput.Close();
            if (!wait) return;
            _ = git.StandardOutput.ReadToEnd();
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0) throw new BeadStoreException($"git repack failed ({git.ExitCode}): {error.Trim()}", BeadErrorKind.WriteFailed);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
