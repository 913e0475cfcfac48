// The configuration the daemon verbs use. Until the TOML loader lands on main this is the embedded default.
using Godel.Config.Model;

namespace Godel.Cli.Daemon;

internal static class CliConfig
{
    public static GodelConfig Load(DaemonConnector where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return GodelConfig.Default;
    }
}
