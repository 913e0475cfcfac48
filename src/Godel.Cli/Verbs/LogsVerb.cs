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
            var result = await DaemonVerb.WithDaemonAsync(console, c => c.RequestAsync<LogsResult>(new Logs(parse.GetValue(name)!), ct), ct).ConfigureAwait(false);
            long position = 0;
            foreach (var file in result.Files)
            {
                position = await CopyAsync(file, 0, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(follow) && result.Files.Count > 0)
            {
                await FollowAsync(result.Files[^1], position, ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;

        async Task<long> CopyAsync(string file, long from, CancellationToken ct)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < from)
            {
                from = 0; // rotated: the current file started over
            }

            stream.Position = from;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[64 * 1024];
            int n;
            while ((n = await reader.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await console.Out.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }

            await console.Out.FlushAsync(ct).ConfigureAwait(false);
            return stream.Length;
        }

        async Task FollowAsync(string file, long position, CancellationToken ct)
        {
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(200, ct).ConfigureAwait(false);
                    if (File.Exists(file) && new FileInfo(file).Length != position)
                    {
                        position = await CopyAsync(file, position, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
