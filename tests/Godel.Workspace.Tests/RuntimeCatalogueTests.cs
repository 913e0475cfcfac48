// The runtime catalogue: built-ins, config overrides, and the command lines it builds.
using Godel.Config.Model;

namespace Godel.Workspace.Tests;

public sealed class RuntimeCatalogueTests
{
    private static RuntimeCatalogue Catalogue(GodelConfig? config = null) =>
        RuntimeCatalogue.Create(config ?? GodelConfig.Default, name => name == "SHELL" ? "/bin/zsh" : null);

    [Fact]
    public void Every_built_in_runtime_is_there_and_shell_is_the_users_shell()
    {
        var catalogue = Catalogue();

        Assert.Equal(["aider", "claude", "codex", "gemini", "opencode", "pi", "shell"], catalogue.Names);
        Assert.True(catalogue.TryGet("shell", out var shell));
        Assert.Equal("/bin/zsh", shell.Command);
        Assert.True(catalogue.TryGet("claude", out var claude));
        Assert.Equal(ProxyApi.Anthropic, claude.ProxyApi);
        Assert.Equal("/bin/sh", RuntimeCatalogue.BuiltIn(_ => null)["shell"].Command);
    }

    [Fact]
    public void A_config_runtime_adds_or_overrides_and_an_empty_command_keeps_the_built_in_one()
    {
        var config = GodelConfig.Default with
        {
            Runtimes = new Dictionary<string, RuntimeConfig>(StringComparer.Ordinal)
            {
                ["claude"] = new() { Args = ["--model", "opus"] },
                ["mine"] = new() { Command = "my-agent" },
            },
        };

        var catalogue = Catalogue(config);

        Assert.True(catalogue.TryGet("claude", out var claude));
        Assert.Equal(("claude", "--model"), (claude.Command, claude.Args[0]));
        Assert.True(catalogue.TryGet("mine", out var mine));
        Assert.Equal("my-agent", mine.Command);
    }

    [Fact]
    public void The_command_line_puts_resume_args_extra_args_then_the_prompt()
    {
        var gemini = RuntimeCatalogue.BuiltIn(_ => null)["gemini"] with { Args = ["--yolo"] };

        var first = RuntimeCatalogue.BuildCommand(gemini, ["--debug"], "fix the bug", resume: false);
        var resumed = RuntimeCatalogue.BuildCommand(gemini, ["--debug"], "fix the bug", resume: true);

        Assert.Equal(["--yolo", "--debug", "--prompt-interactive", "fix the bug"], first.Args);
        Assert.Equal(["--yolo", "--resume", "latest", "--debug"], resumed.Args);
        Assert.Equal("gemini", first.Program);
    }

    [Fact]
    public void A_typed_prompt_is_not_put_on_the_command_line()
    {
        var aider = RuntimeCatalogue.BuiltIn(_ => null)["aider"];

        Assert.Empty(RuntimeCatalogue.BuildCommand(aider, [], "hello", resume: false).Args);
    }
}
