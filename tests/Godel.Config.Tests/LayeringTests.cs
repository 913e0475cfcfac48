// Layers: user file, then repository file, then environment, then flags; each value remembers its origin.
using Godel.Config.Diagnostics;
using Godel.Config.Loading;

namespace Godel.Config.Tests;

public sealed class LayeringTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string?> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["XDG_CONFIG_HOME"] = Path.Combine(_dir.Path, "xdg") };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    [Fact]
    public void Later_layers_win_and_origins_say_which_layer_set_each_value()
    {
        var user = _dir.Write("xdg/godel/config.toml", "[tui]\ntheme = \"light\"\nlayout = \"stack\"\n[daemon]\nlog_files = 5\n");
        var repo = _dir.Write("repo/godel.toml", "[tui]\nlayout = \"tabs\"\n[daemon]\nidle_seconds = 7\n");
        var env = Environment(("GODEL__DAEMON__LOG_FILES", "9"), ("GODEL__DAEMON__IDLE_SECONDS", "8"));

        var sources = ConfigSources.Discover(Path.Combine(_dir.Path, "repo"), env, ["daemon.idle_seconds=11"]);
        var result = ConfigLoader.Load(sources);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal([user, repo], result.FilesRead);
        Assert.Equal("light", result.Config.Tui.Theme);
        Assert.Equal($"{user}:2:9", result.OriginOf("tui.theme").ToString());
        Assert.Equal("tabs", result.Config.Tui.Layout);
        Assert.Equal($"{repo}:2:10", result.OriginOf("tui.layout").ToString());
        Assert.Equal(9, result.Config.Daemon.LogFiles);
        Assert.Equal("env GODEL__DAEMON__LOG_FILES", result.OriginOf("daemon.log_files").ToString());
        Assert.Equal(11, result.Config.Daemon.IdleSeconds);
        Assert.Equal("flag --set daemon.idle_seconds=11", result.OriginOf("daemon.idle_seconds").ToString());
        Assert.Equal("default", result.OriginOf("daemon.scrollback_bytes").ToString());
        Assert.Equal("light", result.Theme!.Name);
    }

    [Fact]
    public void Home_is_used_when_xdg_config_home_is_not_set()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _dir.Path };
        _dir.Write(".config/godel/config.toml", "[workspace]\nbead_prefix = \"home\"\n");

        var result = ConfigLoader.Load(ConfigSources.Discover(null, env));

        Assert.Equal("home", result.Config.Workspace.BeadPrefix);
    }

    [Fact]
    public void Dictionary_entries_merge_across_layers()
    {
        _dir.Write("xdg/godel/config.toml", "[runtimes.a]\ncommand = \"a\"\nargs = [\"--x\"]\n");
        _dir.Write("repo/godel.toml", "[runtimes.a]\nargs = [\"--y\"]\n[runtimes.b]\ncommand = \"b\"\n");

        var result = ConfigLoader.Load(ConfigSources.Discover(Path.Combine(_dir.Path, "repo"), Environment()));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("a", result.Config.Runtimes["a"].Command);
        Assert.Equal(["--y"], result.Config.Runtimes["a"].Args);
        Assert.Equal("b", result.Config.Runtimes["b"].Command);
    }

    [Fact]
    public void Environment_and_flag_errors_name_the_variable_or_flag()
    {
        var env = Environment(("GODEL__TUI__THEEM", "x"), ("GODEL__DAEMON__LOG_FILES", "many"));

        var result = ConfigLoader.Load(ConfigSources.Discover(null, env, ["daemon.default_size=huge"]));

        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("env GODEL__TUI__THEEM: unknown key 'theem' in [tui] (did you mean 'theme'?)", messages);
        Assert.Contains("env GODEL__DAEMON__LOG_FILES: daemon.log_files: expected an integer, found a string", messages);
        Assert.Contains(messages, m => m.StartsWith("flag --set daemon.default_size=huge: daemon.default_size: 'huge'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_set_flag_is_an_error()
    {
        var result = ConfigLoader.Load(ConfigSources.Discover(null, Environment(), ["tui.theme", "tui..x=1"]));

        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("flag --set tui.theme: expected KEY=VALUE, e.g. --set tui.theme=light", messages);
        Assert.Contains("flag --set tui..x=1: 'tui..x' is not a key path like tui.theme or daemon.scrollback_bytes", messages);
    }

    [Fact]
    public void Flag_values_are_read_as_toml_when_they_parse()
    {
        var result = ConfigLoader.Load(ConfigSources.Discover(null, Environment(),
            ["proxy.routes.\"gpt-*\"=[\"mock\"]", "kubernetes.enabled=true", "workspace.base_branch=dev"]));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["mock"], result.Config.Proxy.Routes["gpt-*"]);
        Assert.True(result.Config.Kubernetes.Enabled);
        Assert.Equal("dev", result.Config.Workspace.BaseBranch);
    }

    [Fact]
    public void A_user_theme_file_is_found_by_name()
    {
        _dir.Write("xdg/godel/themes/mine.toml", "inherits = \"dark\"\n[roles]\nerror = { fg = \"bright_red\", bg = \"default\" }\n");

        var result = ConfigLoader.Load(ConfigSources.Discover(null, Environment(), ["tui.theme=mine"]));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("mine", result.Theme!.Name);
        Assert.Equal("bright_red", result.Theme[Themes.ThemeRole.Error].Foreground.ToString());
    }

    [Fact]
    public void Show_prints_values_with_their_origins_as_valid_toml()
    {
        var repo = _dir.Write("repo/godel.toml", "[daemon]\nlog_files = 4\n[proxy.pricing.\"gpt-4.1\"]\ninput_per_mtok = 2.5\n");
        var result = ConfigLoader.Load(ConfigSources.Discover(Path.Combine(_dir.Path, "repo"), Environment()));

        var text = EffectiveConfigWriter.Write(result);

        Assert.Matches($@"log_files = 4\s+# {System.Text.RegularExpressions.Regex.Escape(repo)}:2:13", text);
        Assert.Matches(@"scrollback_bytes = 4194304\s+# default", text);
        Assert.Contains("[proxy.pricing.\"gpt-4.1\"]", text, StringComparison.Ordinal);
        Assert.Contains("# base_branch is not set", text, StringComparison.Ordinal);
        var reloaded = ConfigLoader.LoadText(text, "shown.toml");
        Assert.True(reloaded.IsValid, string.Join("\n", reloaded.Diagnostics));
        Assert.Equal(result.Config.Daemon, reloaded.Config.Daemon);
        Assert.Equal(2.5m, reloaded.Config.Proxy.Pricing["gpt-4.1"].InputPerMTok);
    }
}
