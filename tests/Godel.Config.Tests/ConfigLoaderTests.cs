// Loading config files: valid input, each kind of error with its position, and every error reported at once.
using Godel.Config.Diagnostics;
using Godel.Config.Loading;
using Godel.Config.Model;

namespace Godel.Config.Tests;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ConfigResult LoadRepo(string toml)
    {
        var path = _dir.Write("repo/godel.toml", toml);
        return ConfigLoader.Load(new ConfigSources { RepoConfigPath = path });
    }

    private string RepoFile => Path.Combine(_dir.Path, "repo", "godel.toml");

    [Fact]
    public void No_files_gives_the_defaults_with_default_origins()
    {
        var result = ConfigLoader.Load(new ConfigSources { RepoConfigPath = Path.Combine(_dir.Path, "missing.toml") });

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(GodelConfig.Default.Daemon, result.Config.Daemon);
        Assert.Equal(OriginKind.Default, result.OriginOf("daemon.scrollback_bytes").Kind);
        Assert.Equal("dark", result.Theme!.Name);
    }

    [Fact]
    public void A_valid_file_sets_every_kind_of_value()
    {
        var result = LoadRepo("""
            [workspace]
            base_branch = "trunk"
            bead_prefix = "acme"

            [runtimes.my-agent]
            command = "my-agent"
            args = ["--fast", "--quiet"]
            env = { MODE = "x" }
            prompt_mode = "argument"
            prompt_flag = "-p"
            prompt_patterns = ['^> $']
            proxy_api = "openai"

            [proxy.providers.local]
            type = "openai-compatible"
            base_url = "http://127.0.0.1:11434/v1"
            requests_per_minute = 10

            [proxy.routes]
            "llama*" = ["local"]

            [proxy.pricing."gpt-4.1"]
            input_per_mtok = 2
            output_per_mtok = 8.5

            [proxy.budgets]
            per_day_usd = 12.5

            [daemon]
            scrollback_bytes = 1_048_576
            default_size = "200x50"
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var c = result.Config;
        Assert.Equal("trunk", c.Workspace.BaseBranch);
        Assert.Equal("acme", c.Workspace.BeadPrefix);
        Assert.Equal(".godel/worktrees", c.Workspace.WorktreeDir);
        var runtime = c.Runtimes["my-agent"];
        Assert.Equal(["--fast", "--quiet"], runtime.Args);
        Assert.Equal("x", runtime.Env["MODE"]);
        Assert.Equal(PromptMode.Argument, runtime.PromptMode);
        Assert.Equal(ProxyApi.OpenAI, runtime.ProxyApi);
        Assert.Equal(ProviderType.OpenAICompatible, c.Proxy.Providers["local"].Type);
        Assert.Equal(10, c.Proxy.Providers["local"].RequestsPerMinute);
        Assert.True(c.Proxy.Providers.ContainsKey("mock"), "the built-in mock provider stays available");
        Assert.Equal(["local"], c.Proxy.Routes["llama*"]);
        Assert.Equal(8.5m, c.Proxy.Pricing["gpt-4.1"].OutputPerMTok);
        Assert.Equal(12.5m, c.Proxy.Budgets.PerDayUsd);
        Assert.Equal(1_048_576, c.Daemon.ScrollbackBytes);
        Assert.Equal($"{RepoFile}:30:20", result.OriginOf("daemon.scrollback_bytes").ToString());
    }

    [Fact]
    public void A_syntax_error_points_at_line_and_column_without_the_errors_that_follow_from_it()
    {
        var result = LoadRepo("[tui]\ntheme = \"dark\nlayout = \"grid\"\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{RepoFile}:2:14: Invalid newline in a string", diagnostic.ToString());
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_a_suggestion()
    {
        var result = LoadRepo("[tui]\ntheem = \"light\"\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{RepoFile}:2:1: unknown key 'theem' in [tui] (did you mean 'theme'?)", diagnostic.ToString());
    }

    [Fact]
    public void An_unknown_section_is_an_error_with_a_suggestion()
    {
        var result = LoadRepo("[deamon]\nlog_files = 3\n");

        Assert.Contains(result.Diagnostics, d => d.ToString() == $"{RepoFile}:1:2: unknown key 'deamon' at the top level (did you mean 'daemon'?)");
    }

    [Fact]
    public void A_wrong_type_is_an_error_at_the_value()
    {
        var result = LoadRepo("[daemon]\nscrollback_bytes = \"4MB\"\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{RepoFile}:2:20: daemon.scrollback_bytes: expected an integer, found a string", diagnostic.ToString());
    }

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_ones_and_suggests()
    {
        var result = LoadRepo("[runtimes.x]\ncommand = \"x\"\nprompt_mode = \"arguments\"\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{RepoFile}:3:15: runtimes.x.prompt_mode: 'arguments' is not one of none, argument, type (did you mean 'argument'?)", diagnostic.ToString());
    }

    [Theory]
    [InlineData("[daemon]\nscrollback_bytes = -1\n", "2:20", "daemon.scrollback_bytes: must be at least 65536")]
    [InlineData("[daemon]\ndefault_size = \"120by40\"\n", "2:16", "daemon.default_size: '120by40' is not COLSxROWS")]
    [InlineData("[daemon]\ndefault_size = \"5x40\"\n", "2:16", "daemon.default_size: '5x40' is out of range")]
    [InlineData("[runtimes.x]\ncommand = \"x\"\nprompt_patterns = ['ok', '([a-z']\n", "3:26", "runtimes.x.prompt_patterns[1]: not a valid regular expression")]
    [InlineData("[proxy]\nurl = \"ftp://example.com\"\n", "2:7", "proxy.url: 'ftp://example.com' is not an http:// or https:// URL")]
    [InlineData("[proxy.providers.p]\ntype = \"anthropic\"\nbase_url = \"not a url\"\n", "3:12", "proxy.providers.p.base_url: 'not a url' is not")]
    [InlineData("[proxy.providers.p]\ntype = \"openai\"\nbase_url = \"https://u:k@api.example.com/v1?x=1\"\n", "3:12", "proxy.providers.p.base_url: must not carry a query, fragment or user info (the value is not repeated")]
    [InlineData("[proxy.providers.p]\ntype = \"openai-compatible\"\n", "1:18", "proxy.providers.p: an openai-compatible provider needs base_url")]
    [InlineData("[proxy.routes]\n\"gpt-*\" = [\"opnai\"]\n", "2:11", "proxy.routes.\"gpt-*\": unknown provider 'opnai'")]
    [InlineData("[workspace]\nbead_prefix = \"Has Spaces\"\n", "2:15", "workspace.bead_prefix: 'Has Spaces' is not a valid bead prefix")]
    [InlineData("[workspace]\nworktree_dir = \"../outside\"\n", "2:16", "workspace.worktree_dir: '../outside' must be a folder inside the repository")]
    [InlineData("[tui]\nprefix_key = \"Hyper+G\"\n", "2:14", "tui.prefix_key: 'Hyper+G': 'Hyper' is not a modifier")]
    [InlineData("[tui]\nlayout = \"gird\"\n", "2:10", "tui.layout: 'gird' is not one of grid, stack, tabs (did you mean 'grid'?)")]
    [InlineData("[tui]\ntheme = \"drak\"\n", "2:9", "tui.theme: unknown theme 'drak' (did you mean 'dark'?)")]
    [InlineData("[runtimes.x]\nargs = [\"a\"]\n", "1:11", "runtimes.x.command: command is required")]
    [InlineData("[proxy.limits]\nagent_requests_per_minute = 0\n", "2:29", "proxy.limits.agent_requests_per_minute: must be greater than 0")]
    [InlineData("[proxy]\nmax_body_bytes = 99999999999999999999\n", "2:18", "")]
    public void Invalid_values_are_errors_at_their_position(string toml, string position, string message)
    {
        var result = LoadRepo(toml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith($"{RepoFile}:{position}: {message}", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var result = LoadRepo("""
            [tui]
            theem = "dark"
            layout = 3

            [daemon]
            log_files = -1
            default_size = "big"
            """);

        Assert.Equal(4, result.Diagnostics.Count);
        Assert.Equal([2, 3, 6, 7], result.Diagnostics.Select(d => d.Origin.Line).Order());
        Assert.Throws<ConfigException>(() => result.GetValidOrThrow());
    }

    [Fact]
    public void A_config_exception_carries_all_diagnostics()
    {
        _dir.Write("repo/godel.toml", "[tui]\ntheem = 1\n[daemon]\nidle_seconds = 0\n");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.LoadOrThrow(new ConfigSources { RepoConfigPath = RepoFile }));

        Assert.Equal(2, e.Diagnostics.Count);
        Assert.Contains("theem", e.Message, StringComparison.Ordinal);
        Assert.Contains("idle_seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_set_twice_is_an_error_at_the_second()
    {
        var result = LoadRepo("[tui]\ntheme = \"dark\"\ntheme = \"light\"\n");

        Assert.Equal(3, Assert.Single(result.Diagnostics).Origin.Line);
    }

    [Fact]
    public void Arrays_of_tables_are_rejected_with_a_hint()
    {
        var result = LoadRepo("[[runtimes]]\ncommand = \"x\"\n");

        Assert.Contains("arrays of tables", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_in_place_of_the_file_is_one_clear_error()
    {
        var folder = Path.Combine(_dir.Path, "config.toml");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "x"), "");

        var result = ConfigLoader.Load(new ConfigSources { UserConfigPath = folder });

        // Not skipped like a missing file: the user meant a config there. This is also the read failure
        // test that runs as root (CI), where an unreadable file cannot be made.
        Assert.StartsWith($"{folder}: cannot read: it is a directory", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unreadable_file_is_one_clear_error()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "root can read any file; A_folder_in_place_of_the_file_is_one_clear_error covers a read failure as root");
        var path = _dir.Write("repo/godel.toml", "[tui]\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var result = ConfigLoader.Load(new ConfigSources { RepoConfigPath = path });

        Assert.StartsWith($"{path}: cannot read:", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
    }
}
