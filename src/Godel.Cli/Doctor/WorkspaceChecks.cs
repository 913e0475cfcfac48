// Doctor checks for the repository, godel.toml and the config's validity.
namespace Godel.Cli.Doctor;

internal static class WorkspaceChecks
{
    public static IReadOnlyList<Finding> Check(DoctorContext context)
    {
        if (context.Workspace is not { } workspace)
        {
            return
            [
                Finding.Problem("repository", $"{context.WorkingDirectory} is not inside a git repository", "cd into a repository (or `git init`), then `godel init`"),
                Config(context),
            ];
        }

        var branch = workspace.CurrentBranch is { } b ? $"on {b}" : "detached HEAD";
        var initialized = File.Exists(workspace.ConfigPath)
            ? Finding.Ok("workspace", $"{workspace.ConfigPath}")
            : Finding.Warning("workspace", "no godel.toml: this repository is not a Godel workspace yet", "godel init");
        return [Finding.Ok("repository", $"{workspace.RootPath} ({branch})"), initialized, Config(context)];
    }

    private static Finding Config(DoctorContext context)
    {
        var result = context.Config;
        if (result.IsValid)
        {
            var files = result.FilesRead.Count == 0 ? "defaults only" : string.Join(", ", result.FilesRead);
            return Finding.Ok("config", $"valid ({files})");
        }

        return Finding.Problem("config", $"{result.Diagnostics.Count} problem(s)", "fix the lines above, then `godel config check`") with
        {
            Notes = [.. result.Diagnostics.Select(d => d.ToString())],
        };
    }
}
