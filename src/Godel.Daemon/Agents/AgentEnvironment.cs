// The environment every agent gets: the daemon's, the runtime's, Godel's identity variables, the proxy's.
using Godel.Config.Model;

namespace Godel.Daemon.Agents;

internal static class AgentEnvironment
{
    // Variables that would confuse a child about the terminal it runs in.
    private static readonly string[] Dropped = ["TMUX", "TMUX_PANE", "STY", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "COLUMNS", "LINES"];

    public static Dictionary<string, string> Build(
        DaemonOptions options, RuntimeConfig runtime, string agent, string? bead, IReadOnlyDictionary<string, string> credentials)
    {
        var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        foreach (var name in Dropped)
        {
            env.Remove(name);
        }

        foreach (var (key, value) in runtime.Env)
        {
            env[key] = value;
        }

        foreach (var (key, value) in credentials)
        {
            env[key] = value;
        }

        env["GODEL_AGENT"] = agent;
        env["GODEL_BEAD"] = bead ?? "";
        env["GODEL_WORKSPACE"] = options.Workspace;
        env["GODEL_ACTOR"] = agent;
        env[Protocol.DaemonAddress.RuntimeDirVariable] = options.SocketDirectory;
        env["TERM"] = "xterm-256color";
        env["COLORTERM"] = "truecolor";
        return env;
    }
}
