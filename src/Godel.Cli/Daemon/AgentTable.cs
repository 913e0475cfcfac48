// Renders the agent list as an aligned table (pure; tested without a daemon).
using System.Globalization;
using System.Text;
using Godel.Protocol.Messages;

namespace Godel.Cli.Daemon;

internal static class AgentTable
{
    public static string Render(IReadOnlyList<AgentInfo> agents, DateTimeOffset now)
    {
        if (agents.Count == 0)
        {
            return "no agents (start one with `godel agent spawn`)\n";
        }

        string[] header = ["NAME", "RUNTIME", "BEAD", "STATE", "PID", "UPTIME", "LAST OUTPUT"];
        var rows = agents.Select(a => new[]
        {
            a.Name,
            a.Runtime,
            a.Bead ?? "-",
            StateText(a),
            a.Pid > 0 ? a.Pid.ToString(CultureInfo.InvariantCulture) : "-",
            a.State is AgentState.Exited or AgentState.Lost ? "-" : Duration(now - a.StartedAt),
            Truncate(a.LastLine, 50),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    public static string StateText(AgentInfo agent) => agent.State switch
    {
        AgentState.Exited when agent.ExitSignal is { } s => $"exited(signal {s})",
        AgentState.Exited => $"exited({agent.ExitCode})",
        _ => agent.State.ToString().ToLowerInvariant(),
    };

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)span.TotalSeconds)}s",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes}m",
        { TotalHours: < 48 } => $"{(int)span.TotalHours}h{span.Minutes:00}m",
        _ => $"{(int)span.TotalDays}d",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
