// Runs the git executable for network operations, so fetch and push use the user's own credentials and config.
using System.Diagnostics;

namespace Godel.Beads.Sync;

internal sealed record GitResult(int ExitCode, string Output, string Error);

internal static class GitCli
{
    public static GitResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return new GitResult(p.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Store.BeadStoreException($"cannot run git ({e.Message}); `godel sync` needs git on PATH", Store.BeadErrorKind.WriteFailed, e);
        }
    }
}
