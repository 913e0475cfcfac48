// Starts a real daemon process (`godel daemon run`) in a temporary repository and connects to it.
using System.Diagnostics;
using System.Globalization;
using Godel.Protocol;
using Godel.Protocol.Client;

namespace Godel.DaemonBench;

internal sealed class BenchDaemon : IAsyncDisposable
{
    private readonly string _root;
    private readonly Process _process;

    private BenchDaemon(string root, Process process, string socket)
    {
        _root = root;
        _process = process;
        SocketPath = socket;
    }

    public string SocketPath { get; }

    public int Pid => _process.Id;

    public static async Task<BenchDaemon> StartAsync(string godel)
    {
        var root = Directory.CreateTempSubdirectory("godel-dbench-").FullName;
        var repo = Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
        Process.Start("git", ["init", "-q", repo])!.WaitForExit();
        var run = Path.Combine(root, "run");
        var start = new ProcessStartInfo(godel, ["daemon", "run"])
        {
            WorkingDirectory = repo,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment[DaemonAddress.RuntimeDirVariable] = run;
        start.Environment["SHELL"] = "/bin/sh";
        start.Environment["PS1"] = "$ ";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var socket = new DaemonAddress(repo, run).SocketPath;
        var daemon = new BenchDaemon(root, process, socket);
        for (var i = 0; i < 400 && !File.Exists(socket); i++)
        {
            await Task.Delay(25);
        }

        return daemon;
    }

    public Task<DaemonClient> ConnectAsync() => DaemonClient.ConnectAsync(SocketPath, "bench");

    /// <summary>User + system CPU time of the daemon so far.</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>CPU time of the runtime's tiered-compilation (background JIT) threads so far.</summary>
    public TimeSpan JitCpuTime()
    {
        long ticks = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{Pid}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = File.ReadAllText(Path.Combine(task, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident memory of the daemon in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadAllLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
