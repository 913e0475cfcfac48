// Doctor checks for external programs: git (required) and every agent runtime (optional, with install hints).
using Godel.Config.Model;

namespace Godel.Cli.Doctor;

internal static class ToolChecks
{
    /// <summary>The runtimes Godel knows out of the box, with how to install each.</summary>
    public static IReadOnlyList<(string Name, string Install)> KnownRuntimes { get; } =
    [
        ("claude", "npm install -g @anthropic-ai/claude-code"),
        ("codex", "npm install -g @openai/codex"),
        ("gemini", "npm install -g @google/gemini-cli"),
        ("pi", "npm install -g @mariozechner/pi-coding-agent"),
        ("opencode", "npm install -g opencode-ai"),
        ("aider", "python3 -m pip install aider-install && aider-install"),
    ];

    public static async Task<Finding> GitAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var git = ToolProbe.Find("git", context.Env("PATH"));
        if (git is null)
        {
            return Finding.Problem("git", "not found on PATH", "install git (e.g. apt-get install git, brew install git)");
        }

        var version = await ToolProbe.VersionAsync(git, "--version", context, cancellationToken).ConfigureAwait(false);
        return version is null
            ? Finding.Problem("git", $"{git} does not answer `git --version`", "reinstall git")
            : Finding.Ok("git", $"{version} ({git})");
    }

    public static async Task<IReadOnlyList<Finding>> RuntimesAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var config = context.Config.Config;
        var names = KnownRuntimes.Select(r => r.Name).Concat(config.Runtimes.Keys).Distinct(StringComparer.Ordinal);
        var findings = new List<Finding> { Shell(context) };
        foreach (var name in names)
        {
            findings.Add(await RuntimeAsync(name, config, context, cancellationToken).ConfigureAwait(false));
        }

        return findings;
    }

    private static async Task<Finding> RuntimeAsync(string name, GodelConfig config, DoctorContext context, CancellationToken cancellationToken)
    {
        var configured = config.Runtimes.GetValueOrDefault(name);
        var command = configured?.Command is { Length: > 0 } c ? c : name;
        var isDefault = config.Workspace.DefaultRuntime == name;
        var title = $"runtime {name}";
        var executable = ToolProbe.Find(command, context.Env("PATH"));
        if (executable is null)
        {
            var install = KnownRuntimes.FirstOrDefault(r => r.Name == name).Install ?? $"install `{command}` or fix [runtimes.{name}] command";
            var detail = $"`{command}` not found on PATH";
            return isDefault ? Finding.Problem(title, detail + " (it is workspace.default_runtime)", install) : Finding.Warning(title, detail, install);
        }

        var version = await ToolProbe.VersionAsync(executable, configured?.VersionArg ?? "--version", context, cancellationToken).ConfigureAwait(false);
        return version is null
            ? Finding.Warning(title, $"{executable} did not answer `{command} {configured?.VersionArg ?? "--version"}`", $"check that `{command}` runs")
            : Finding.Ok(title, $"{version} ({executable})");
    }

    // The `shell` runtime runs the user's $SHELL, or /bin/sh: it is what makes Godel work with no agent tools at all.
    private static Finding Shell(DoctorContext context)
    {
        var shell = context.Env("SHELL") ?? "/bin/sh";
        var found = ToolProbe.Find(shell, context.Env("PATH"));
        var isDefault = context.Config.Config.Workspace.DefaultRuntime == "shell";
        if (found is not null)
        {
            return Finding.Ok("runtime shell", found);
        }

        const string fix = "set SHELL to an installed shell, e.g. export SHELL=/bin/bash";
        return isDefault ? Finding.Problem("runtime shell", $"{shell} not found", fix) : Finding.Warning("runtime shell", $"{shell} not found", fix);
    }
}
