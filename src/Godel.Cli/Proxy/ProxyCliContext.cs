// Where `godel proxy` verbs act: the remote proxy from `[proxy] url`, or the local store under the repository's `.godel/`.
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
        // The main repository even from an agent's linked worktree, so every worktree shares one store.
        var workspace = CliConfig.FindWorkspace(console)
            ?? throw new CliException("not inside a git repository: run in a Godel workspace or pass --db PATH", ExitCodes.Usage);
        return config.Audit.Path is { } path ? Path.GetFullPath(path, workspace.RootPath) : Path.Combine(workspace.StatePath, "proxy.db");
    }
}
