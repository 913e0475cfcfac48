// Installs Claude Code hooks in an agent's folder so Claude reports its own state (`godel agent notify`).
// Merges into .claude/settings.local.json: existing settings and hooks are kept, ours added once.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Godel.Daemon.Agents;

internal static class ClaudeHooks
{
    private const string Marker = "agent notify --state";

    // Claude Code events → the state they mean.
    private static readonly (string Event, string State)[] Events =
    [
        ("UserPromptSubmit", "running"),
        ("PreToolUse", "running"),
        ("Notification", "waiting"),
        ("Stop", "waiting"),
    ];

    /// <summary>Adds the hooks; returns false (and changes nothing) when the existing file is not valid JSON.</summary>
    public static bool Install(string directory, string godelCommand, DaemonLog log)
    {
        var path = Path.Combine(directory, ".claude", "settings.local.json");
        JsonObject root;
        try
        {
            root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("not an object") : [];
        }
        catch (JsonException e)
        {
            log.Warn($"not installing Claude hooks: {path} is not valid JSON ({e.Message}); it was left unchanged");
            return false;
        }

        var hooks = root["hooks"] as JsonObject ?? [];
        root["hooks"] = hooks;
        foreach (var (name, state) in Events)
        {
            var list = hooks[name] as JsonArray ?? [];
            hooks[name] = list;
            if (!list.ToJsonString().Contains(Marker, StringComparison.Ordinal))
            {
                list.Add(Entry($"{godelCommand} {Marker} {state}"));
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".godel-tmp";
        File.WriteAllText(temp, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
        return true;
    }

    private static JsonObject Entry(string command) => new()
    {
        ["hooks"] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = command }),
    };
}
