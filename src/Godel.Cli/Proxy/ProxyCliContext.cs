// Where `godel proxy` verbs act: the remote proxy from `[proxy] url`, or the local store under the repository's `.godel/`.
using System.Diagnostics;
using Godel.Config.Model;

namespace Godel.Cli.Proxy;

internal static class ProxyCliContext
{
    /// <summary>The effective [proxy] configuration (layered godel.toml); `--db` and `--url` override where the verbs act.</summary>
    public static ProxyConfig Config(CliConsole console) => CliConfig.LoadValid(console).Proxy;

    public static IProxyBackend Backend(CliConsole console, string? db, string? url)
    {
        var config = Config(console);
        url ??= db is null ? config.Url : null;
        if (url is not null)
        {
            var token = console.GetEnv(config.AdminTokenEnv);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new CliException($"the remote proxy {url} needs its admin token: set {config.AdminTokenEnv}", ExitCodes.Usage);
            }
            return new RemoteProxyBackend(url, token);
        }
        return new LocalProxyBackend(DatabasePath(console, config, db));
    }

    /// <summary>`--db`, else `[proxy.audit] path` (relative to the repository), else `&lt;repo&gt;/.godel/proxy.db`.</summary>
    public static string DatabasePath(CliConsole console, ProxyConfig config, string? db)
    {
        if (db is not null)
        {
            return Path.GetFullPath(db, console.WorkingDirectory);
        }
        var root = RepositoryRoot(console.WorkingDirectory)
            ?? throw new CliException("not inside a git repository: run in a Godel workspace or pass --db PATH", ExitCodes.Usage);
        return config.Audit.Path is { } path ? Path.GetFullPath(path, root) : Path.Combine(root, ".godel", "proxy.db");
    }

    /// <summary>The main repository's folder (linked worktrees share it, so every agent's worktree sees one store).</summary>
    internal static string? RepositoryRoot(string folder)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "rev-parse", "--path-format=absolute", "--git-common-dir" })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            if (git.ExitCode != 0 || output.Length == 0)
            {
                return null;
            }
            return Path.GetFileName(output) == ".git" ? Path.GetDirectoryName(output) : output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
