// Non-blocking reads of a child's output: what is waiting, -1 when nothing is, 0 at the end.
using System.Diagnostics;
using System.Text;

namespace Godel.Pty.Tests;

public sealed class ReadAvailableTests
{
    [Fact]
    public async Task ReadAvailable_returns_waiting_output_minus_one_when_none_waits_and_zero_at_the_end()
    {
        await using var p = PtyProcess.Spawn(new PtySpawnOptions { Program = "sh", Args = ["-c", "stty -echo; echo ready; read x; echo got-$x; read y"] });
        var buffer = new byte[4096];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("ready\r\n", StringComparison.Ordinal))
        {
            var n = p.Output.Read(buffer);
            Assert.True(n > 0, $"output ended early: {seen}");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        Assert.Equal(-1, p.ReadAvailable(buffer)); // the shell waits for input: nothing to read, and no blocking

        p.Write("abc\n"u8);
        var got = await ReadAvailableUntil(p, buffer, text => text.Contains("got-abc\r\n", StringComparison.Ordinal));
        Assert.Equal("got-abc\r\n", got.Text);

        p.Write("\n"u8);
        var end = await ReadAvailableUntil(p, buffer, _ => false);
        Assert.True(end.Ended, $"no end of output after the shell exited; read '{end.Text}'");
        Assert.Equal(0, p.ReadAvailable(buffer));
        Assert.Equal(0, p.Output.Read(buffer));
        Assert.Equal(0, (await p.Exited).ExitCode);
    }

    // Polls without ever blocking until the text read so far satisfies done, or the output ends.
    private static async Task<(string Text, bool Ended)> ReadAvailableUntil(IPtyProcess p, byte[] buffer, Func<string, bool> done)
    {
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var n = p.ReadAvailable(buffer);
            if (n == 0)
                return (text.ToString(), true);
            if (n > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                if (done(text.ToString()))
                    return (text.ToString(), false);
                continue;
            }
            await Task.Delay(5);
        }
        throw new Xunit.Sdk.XunitException($"timed out; read so far: '{text}'");
    }
}
