// A real git repository in a temp folder for the bead verb tests, plus helpers to run `godel` in-process or as a process.
using System.Diagnostics;

namespace Godel.Cli.Tests.Beads;

public sealed record CliResult(int ExitCode, string Out, string Error);

public sealed class BeadsRepo : IDisposable
{
    public BeadsRepo(bool bare = false, string? cloneOf = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "godel-cli-beads-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        if (cloneOf is not null)
        {
            Dir = Path.Combine(Root, "clone");
            RunGit(Root, $"clone -q \"{cloneOf}\" clone");
        }
        else
        {
            Dir = Root;
            RunGit(Dir, bare ? "init -q --bare -b main" : "init -q -b main");
        }
        if (bare) return;
        RunGit(Dir, "config user.name \"Test User\"");
        RunGit(Dir, "config user.email test@example.com");
    }

    public string Root { get; }
    public string Dir { get; }

    /// <summary>Runs `godel ARGS` in-process with this repository as the working directory.</summary>
    public CliResult Run(params string[] args) => RunWith(new Dictionary<string, string?>(StringComparer.Ordinal), args);

    public CliResult RunWith(IReadOnlyDictionary<string, string?> env, params string[] args) => RunOn(env, null, args);

    /// <summary>Runs as if a person sat at a terminal and typed <paramref name="typed"/> when asked.</summary>
    public CliResult RunTyping(IReadOnlyDictionary<string, string?> env, string typed, params string[] args) => RunOn(env, typed, args);

    private CliResult RunOn(IReadOnlyDictionary<string, string?> env, string? typed, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, Dir, env)
        {
            IsTerminal = typed is not null,
            IsInputTerminal = typed is not null,
            In = new StringReader(typed ?? ""),
        };
        var code = GodelApp.RunAsync(args, console).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs `godel ARGS` and asserts success; returns stdout.</summary>
    public string Ok(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.ExitCode == 0, $"godel {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}");
        return r.Out;
    }

    public string Git(string args) => RunGit(Dir, args);

    public static string RunGit(string dir, string args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {args} failed ({p.ExitCode}): {error.Result}");
        return output.Result;
    }

    /// <summary>The built `godel.dll` next to the test assembly (the Cli project is referenced, so it is copied here).</summary>
    public static string GodelDll => Path.Combine(AppContext.BaseDirectory, "godel.dll");

    /// <summary>Starts `dotnet godel.dll ARGS` as a real process in this repository.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(GodelDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>Overwrites a bead's file in godel/beads using git plumbing, as a careless hand edit would.</summary>
    public void BreakBead(string id, string content)
    {
        var file = Path.Combine(Root, "broken-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, content);
        var blob = Git($"hash-object -w \"{file}\"").Trim();
        var index = Path.Combine(Root, "index-" + Guid.NewGuid().ToString("N"));
        var env = $"GIT_INDEX_FILE=\"{index}\"";
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Dir };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{env} git read-tree godel/beads && {env} git update-index --add --cacheinfo 100644,{blob},.godel/beads/{id}.json && " +
            $"git update-ref refs/heads/godel/beads $(git commit-tree $({env} git write-tree) -p godel/beads -m 'hand edit')");
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
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
}
