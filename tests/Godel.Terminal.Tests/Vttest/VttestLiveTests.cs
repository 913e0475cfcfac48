// vttest running live on Godel's PTY, answered by Godel's emulator (DA), with each screen checked against vttest's own criterion.
using Godel.Terminal.Tests.Programs;

namespace Godel.Terminal.Tests.Vttest;

public sealed class VttestLiveTests
{
    private const int Cols = 80;
    private const int Rows = 24;

    private static string Row(TerminalEmulator t, int y) => t.Screen.GetRowText(y);

    private static Task WaitForPushReturn(PtyScreen vt, string title) =>
        vt.WaitUntilAsync(t => t.Capture().Contains(title, StringComparison.Ordinal) && t.Capture().Contains("Push <RETURN>", StringComparison.Ordinal), $"vttest screen '{title}'");

    [SkippableFact]
    public async Task Menu_1_cursor_movement_screens_pass()
    {
        Skip.IfNot(PtyScreen.OnPath("vttest"), "vttest not installed: apt-get install -y vttest");
        await using var vt = PtyScreen.Start("vttest", ["24x80.80"], Cols, Rows);
        await vt.WaitForTextAsync("Choose test type");
        await vt.WaitForQuietAsync(0);
        await vt.TypeAndSettleAsync("1\r");

        // Border: * around the edge, + inside it, E frame in the middle.
        await vt.WaitUntilAsync(t => Row(t, 0) == new string('*', Cols) && Row(t, Rows - 1) == new string('*', Cols), "the border screen");
        Assert.Equal("*" + new string('+', Cols - 2) + "*", vt.Read(t => Row(t, 1)));
        Assert.Contains(Enumerable.Range(0, Rows), y => vt.Read(t => Row(t, y)).Contains("EEEEEEEEEE", StringComparison.Ordinal));

        await vt.TypeAndSettleAsync("\r");
        await vt.WaitUntilAsync(t => Row(t, 0) == new string('*', Cols), "the second border screen");
        await vt.TypeAndSettleAsync("\r");
        // The title has scrolled out of the region; the letters end on row 19.
        await vt.WaitUntilAsync(t => Row(t, 19).EndsWith('z') && t.Capture().Contains("Push <RETURN>", StringComparison.Ordinal), "the autowrap screen");
        for (var y = 2; y <= 19; y++)
        {
            var letter = (char)('I' + (y - 2));
            var row = vt.Read(t => Row(t, y));
            Assert.True(row.Length == Cols && row[0] == letter && row[^1] == char.ToLowerInvariant(letter), $"row {y}: '{row}'");
        }

        await vt.TypeAndSettleAsync("\r");
        await vt.TypeAndSettleAsync("\r");
        await WaitForPushReturn(vt, "Below should be four identical lines");
        var lines = vt.Read(t => Enumerable.Range(0, Rows).Select(y => Row(t, y)).Where(r => r.StartsWith("A B C D E F G H I", StringComparison.Ordinal)).ToList());
        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.Equal("A B C D E F G H I", l));

        await vt.TypeAndSettleAsync("\r");
        await WaitForPushReturn(vt, "Test of leading zeros");
        Assert.Contains("This is a correct sentence", vt.Text(), StringComparison.Ordinal);
        await vt.TypeAndSettleAsync("\r");
        await vt.WaitForTextAsync("Choose test type");
    }

    [SkippableFact]
    public async Task Menu_2_origin_mode_and_rendition_screens_pass()
    {
        Skip.IfNot(PtyScreen.OnPath("vttest"), "vttest not installed: apt-get install -y vttest");
        await using var vt = PtyScreen.Start("vttest", ["24x80.80"], Cols, Rows);
        await vt.WaitForTextAsync("Choose test type");
        await vt.WaitForQuietAsync(0);
        await vt.TypeAndSettleAsync("2\r");
        // Wrap-around, tabs, 132/80 columns (x4), four scroll tests: step to origin mode.
        for (var i = 0; i < 10; i++)
        {
            await vt.WaitForTextAsync("Push <RETURN>");
            await vt.TypeAndSettleAsync("\r");
        }

        await WaitForPushReturn(vt, "Origin mode test");
        Assert.Equal("Origin mode test. This line should be at the bottom of the screen.", vt.Read(t => Row(t, Rows - 1)));
        await vt.TypeAndSettleAsync("\r");
        await WaitForPushReturn(vt, "This line should be at the top of the screen");
        Assert.StartsWith("This line should be at the top of the screen.", vt.Read(t => Row(t, 0)), StringComparison.Ordinal);
        Assert.Equal("Origin mode test. This line should be at the bottom of the screen.", vt.Read(t => Row(t, Rows - 1)));
    }
}
