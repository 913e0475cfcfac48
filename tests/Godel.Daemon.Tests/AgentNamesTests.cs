// Agent names: an unknown name is answered with the closest real ones, so a typo costs one look.
using Godel.Daemon.Agents;

namespace Godel.Daemon.Tests;

public sealed class AgentNamesTests
{
    private static readonly string[] Known = ["shell-1", "shell-2", "claude-1", "ed"];

    [Theory]
    [InlineData("shel-1", "shell-1")]
    [InlineData("shell1", "shell-1")]
    [InlineData("Claude-1", "claude-1")]
    [InlineData("ee", "ed")]
    public void A_typo_finds_the_name_meant(string typed, string meant) =>
        Assert.Equal(meant, AgentNames.Closest(typed, Known)[0]);

    [Fact]
    public void Nothing_close_suggests_nothing_and_ties_come_in_order()
    {
        Assert.Empty(AgentNames.Closest("codex-7", Known));
        Assert.Equal(["shell-1", "shell-2"], AgentNames.Closest("shell-3", Known));
    }

    [Fact]
    public void The_error_names_the_close_matches_or_says_how_to_start_an_agent()
    {
        Assert.Equal("no agent named 'shel-1': did you mean 'shell-1'? (see `godel agent list`)", AgentNames.Unknown("shel-1", Known));
        Assert.Equal("no agent named 'ghost' (see `godel agent list`)", AgentNames.Unknown("ghost", Known));
        Assert.Equal("no agent named 'ghost': this workspace has no agents (`godel agent spawn` starts one)", AgentNames.Unknown("ghost", []));
    }
}
