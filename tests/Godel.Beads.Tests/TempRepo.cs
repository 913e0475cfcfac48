// A real git repository in a temp folder for one test, driven with the git CLI; deleted on dispose.
using System.Diagnostics;

namespace Godel.Beads.Tests;

public sealed class TempRepo : IDisposable
{
    public TempRepo(bool withCommit = true, bool bare = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "godel-beads-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Dir = Root;
        Git(bare ? "init -q --bare -b main" : "init -q -b main");
        if (bare) return;
        Configure(Dir);
        if (withCommit)
        {
            File.WriteAllText(Path.Combine(Dir, "README.md"), "hello\n");
            Git("add README.md");
            Git("commit -q -m initial");
        }
    }

    private TempRepo(string root, string dir)
    {
        Root = root;
        Dir = dir;
    }

    /// <summary>The folder deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The repository's working tree (or the bare repository).</summary>
    public string Dir { get; }

    /// <summary>Clones <paramref name="remote"/> into a new temp repository.</summary>
    public static TempRepo CloneOf(TempRepo remote)
    {
        var root = Path.Combine(Path.GetTempPath(), "godel-beads-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var dir = Path.Combine(root, "clone");
        RunGit(root, $"clone -q \"{remote.Dir}\" clone");
        Configure(dir);
        return new TempRepo(root, dir);
    }

    public string Git(string args) => RunGit(Dir, args);

    public static string RunGit(string dir, string args)
    {
        var start = new ProcessStartInfo("git", args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {args} failed ({p.ExitCode}): {error.Result}");
        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void Configure(string dir)
    {
        RunGit(dir, "config user.name \"Test User\"");
        RunGit(dir, "config user.email test@example.com");
        RunGit(dir, "config commit.gpgsign false");
    }
}
