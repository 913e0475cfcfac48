// A verb run in a real terminal leaves that terminal's keyboard modes as it found them.
namespace Godel.Cli.Tests.Daemon;

public sealed class TerminalModeTests
{
    [Fact]
    public async Task A_verb_leaves_the_cursor_keys_and_keypad_in_normal_mode()
    {
        await using var ws = new CliWorkspace();
        await using var screen = new PtyScreen(ws, 80, 24, "config", "check");

        var status = await screen.Exited.WaitAsync(TimeSpan.FromSeconds(60));
        await screen.Drained.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, status.ExitCode);
        // .NET's console set-up sends ESC[?1h ESC= (smkx); a user's shell would then see arrows as ESC O A.
        Assert.False(screen.Modes.ApplicationCursorKeys, "cursor keys left in application mode");
        Assert.False(screen.Modes.ApplicationKeypad, "keypad left in application mode");
    }
}
