// `godel logs NAME [-f]`: an agent's raw output log (what it wrote, escape sequences included).
using System.CommandLine;
using System.Text;
using Godel.Protocol.Messages;

namespace Godel.Cli.Verbs;

internal static class LogsVerb
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The agent's name." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new output until interrupted." };
        var command = new Command("logs", "Print an agent's raw output log (.godel/logs/NAME.log, rotated files first).") { name, follow };
        command.SetAction(async (parse, ct) =>
        {
            var decoder = Encoding.UTF8.GetDecoder();
            var result = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<LogsResult>(new Logs(parse.GetValue(name)!), ct), ct).ConfigureAwait(false);
            long position = 0;
            foreach (var file in result.Files)
            {
                position = await CopyAsync(file, 0, decoder, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(follow) && result.Files.Count > 0)
            {
                await FollowAsync(result.Files[^1], position, decoder, ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;

        // One decoder for every file and every poll: the daemon cuts the log between PTY reads, so a character can
        // be split across a rotation or across two polls of -f; a fresh decoder each time would print two U+FFFD.
        async Task<long> CopyAsync(string file, long from, Decoder decoder, CancellationToken ct)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < from)
            {
                from = 0; // rotated: the current file started over
            }

            stream.Position = from;
            var bytes = new byte[64 * 1024];
            var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            int n;
            while ((n = await stream.ReadAsync(bytes, ct).ConfigureAwait(false)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                await console.Out.WriteAsync(chars.AsMemory(0, count), ct).ConfigureAwait(false);
            }

            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return stream.Position; // what was read, not the length now: bytes appended since are for the next poll
        }

        async Task FollowAsync(string file, long position, Decoder decoder, CancellationToken ct)
        {
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(200, ct).ConfigureAwait(false);
                    if (File.Exists(file) && new FileInfo(file).Length != position)
                    {
                        position = await CopyAsync(file, position, decoder, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
