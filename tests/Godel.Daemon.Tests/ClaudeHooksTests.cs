// Claude Code hooks are merged into .claude/settings.local.json: other settings and hooks survive, ours appear once.
using System.Text.Json.Nodes;
using Godel.Daemon.Agents;

namespace Godel.Daemon.Tests;

public sealed class ClaudeHooksTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("godel-hooks-");
    private readonly DaemonLog _log = new(TextWriter.Null, TimeProvider.System);

    private string SettingsPath => Path.Combine(_dir.FullName, ".claude", "settings.local.json");

    [Fact]
    public void Hooks_are_added_to_an_existing_file_without_losing_anything()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, """{"permissions":{"allow":["Bash(ls)"]},"hooks":{"Stop":[{"hooks":[{"type":"command","command":"say done"}]}]}}""");

        Assert.True(ClaudeHooks.Install(_dir.FullName, "/usr/bin/godel", _log));
        Assert.True(ClaudeHooks.Install(_dir.FullName, "/usr/bin/godel", _log));

        var json = JsonNode.Parse(File.ReadAllText(SettingsPath))!;
        Assert.Equal("Bash(ls)", (string?)json["permissions"]!["allow"]![0]);
        var stop = json["hooks"]!["Stop"]!.AsArray();
        Assert.Equal(2, stop.Count);
        Assert.Equal("say done", (string?)stop[0]!["hooks"]![0]!["command"]);
        Assert.Equal("/usr/bin/godel agent notify --state waiting", (string?)stop[1]!["hooks"]![0]!["command"]);
        Assert.Equal("/usr/bin/godel agent notify --state running", (string?)json["hooks"]!["UserPromptSubmit"]![0]!["hooks"]![0]!["command"]);
    }

    [Fact]
    public void An_unreadable_settings_file_is_left_untouched()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, "{ broken");

        Assert.False(ClaudeHooks.Install(_dir.FullName, "godel", _log));
        Assert.Equal("{ broken", File.ReadAllText(SettingsPath));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
