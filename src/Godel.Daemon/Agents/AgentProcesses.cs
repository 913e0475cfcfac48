// Finds and ends every process left over from an agent, by the GODEL_AGENT / GODEL_WORKSPACE pair in its environment.
using Godel.Daemon.Native;

namespace Godel.Daemon.Agents;

internal static class AgentProcesses
{
    /// <summary>
    /// Pids whose environment names this agent of this workspace (Linux /proc; elsewhere none). Signalling the
    /// agent's process group misses background jobs (a job-control shell puts each in its own group) and
    /// `nohup`/`setsid` children, but they all inherit the environment the daemon gave the agent.
    /// </summary>
    public static IReadOnlyList<int> Find(string workspace, string agent)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return [];
        }

        var wantAgent = "GODEL_AGENT=" + agent;
        var wantWorkspace = "GODEL_WORKSPACE=" + workspace;
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            // The daemon itself carries an agent's variables when a verb run inside that agent started it.
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            if (ReadEnvironment(dir) is { } vars && vars.Contains(wantAgent) && vars.Contains(wantWorkspace))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>Kills every process still carrying the agent's identity; returns their pids (for the log).</summary>
    public static IReadOnlyList<int> EndAll(string workspace, string agent)
    {
        var pids = Find(workspace, agent);
        foreach (var pid in pids)
        {
            _ = Posix.Kill(pid, Posix.SigKill);
        }

        return pids;
    }

    // Other users' processes are unreadable and processes vanish while we look: neither is ours to end.
    private static string[]? ReadEnvironment(string procDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDir, "environ")).Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
