// `godel init`: what it creates, that a second run changes nothing, and that it never overwrites a godel.toml.
using Godel.Config.Loading;

namespace Godel.Workspace.Tests;

public sealed class WorkspaceInitializerTests
{
    [Fact]
    public void Creates_config_state_folder_and_exclude_entry()
    {
        using var repo = new TestRepository("My Shop.NET", "develop");
        var location = WorkspaceLocator.Require(repo.Root);

        var result = WorkspaceInitializer.Initialize(location);

        Assert.Equal(3, result.Done.Count);
        Assert.True(Directory.Exists(Path.Combine(repo.Root, ".godel")));
        Assert.Contains("/.godel/", File.ReadAllLines(Path.Combine(repo.GitDir, "info", "exclude")));
        var config = ConfigLoader.Load(new ConfigSources { RepoConfigPath = location.ConfigPath });
        Assert.True(config.IsValid, string.Join("\n", config.Diagnostics));
        Assert.Equal("develop", config.Config.Workspace.BaseBranch);
        Assert.Equal("my-shop-net", config.Config.Workspace.BeadPrefix);
    }

    [Fact]
    public void Git_ignores_the_state_folder_after_init()
    {
        using var repo = new TestRepository();
        WorkspaceInitializer.Initialize(WorkspaceLocator.Require(repo.Root));
        File.WriteAllText(Path.Combine(repo.Root, ".godel", "state.json"), "{}");

        using var git = new LibGit2Sharp.Repository(repo.Root);

        Assert.True(git.Ignore.IsPathIgnored(".godel/state.json"));
        Assert.False(git.Ignore.IsPathIgnored("godel.toml"));
    }

    [Fact]
    public void A_second_run_changes_nothing_and_says_so()
    {
        using var repo = new TestRepository();
        var location = WorkspaceLocator.Require(repo.Root);
        WorkspaceInitializer.Initialize(location);
        var exclude = File.ReadAllText(location.ExcludePath);
        var config = File.ReadAllText(location.ConfigPath);

        var second = WorkspaceInitializer.Initialize(location);

        Assert.False(second.ChangedAnything);
        Assert.Equal(3, second.AlreadyThere.Count);
        Assert.Equal(exclude, File.ReadAllText(location.ExcludePath));
        Assert.Equal(config, File.ReadAllText(location.ConfigPath));
    }

    [Fact]
    public void Never_overwrites_an_existing_godel_toml()
    {
        using var repo = new TestRepository();
        var location = WorkspaceLocator.Require(repo.Root);
        File.WriteAllText(location.ConfigPath, "# mine\n[tui]\ntheme = \"light\"\n");

        var result = WorkspaceInitializer.Initialize(location);

        Assert.Equal("# mine\n[tui]\ntheme = \"light\"\n", File.ReadAllText(location.ConfigPath));
        Assert.Contains(location.ConfigPath, result.AlreadyThere);
        Assert.Equal(2, result.Done.Count);
    }

    [Fact]
    public void From_a_linked_worktree_init_writes_into_the_main_repository()
    {
        using var repo = new TestRepository();
        var worktree = repo.AddWorktree("agent-2");

        WorkspaceInitializer.Initialize(WorkspaceLocator.Require(worktree));

        Assert.True(File.Exists(Path.Combine(repo.Root, "godel.toml")));
        Assert.False(File.Exists(Path.Combine(worktree, "godel.toml")));
        Assert.Contains("/.godel/", File.ReadAllLines(Path.Combine(repo.GitDir, "info", "exclude")));
    }

    [Fact]
    public void An_existing_exclude_file_keeps_its_lines()
    {
        using var repo = new TestRepository();
        var location = WorkspaceLocator.Require(repo.Root);
        File.WriteAllText(location.ExcludePath, "*.log");

        WorkspaceInitializer.Initialize(location);

        var lines = File.ReadAllLines(location.ExcludePath);
        Assert.Equal("*.log", lines[0]);
        Assert.Equal("/.godel/", lines[^1]);
    }

    [Theory]
    [InlineData("/x/godel", "godel")]
    [InlineData("/x/My Repo", "my-repo")]
    [InlineData("/x/123-abc", "abc")]
    [InlineData("/x/___", "godel")]
    [InlineData("/x/a-very-long-repository-name-indeed", "a-very-long-reposito")]
    public void Bead_prefixes_come_from_the_folder_name(string root, string expected) =>
        Assert.Equal(expected, WorkspaceInitializer.BeadPrefixFor(root));
}
