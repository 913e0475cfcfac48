// `godel daemon run`: hosts the daemon in this process until it is stopped (Shutdown request, SIGTERM, Ctrl-C).
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Godel.Config.Model;
using Godel.Daemon;
using Godel.Protocol;

namespace Godel.Cli.Daemon;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static class DaemonRunner
{
    private const long MaxLogBytes = 8L * 1024 * 1024;

    public static async Task<int> RunAsync(DaemonConnector where, GodelConfig config, bool detached, CancellationToken cancellationToken)
    {
        var logPath = where.LogPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        if (File.Exists(logPath) && new FileInfo(logPath).Length > MaxLogBytes)
        {
            File.Move(logPath, logPath + ".1", overwrite: true);
        }

        await using var logFile = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await using var logStream = new StreamWriter(logFile) { AutoFlush = true };
        // The daemon's log and the local proxy's log share the file from different threads: one lock for both.
        var logWriter = TextWriter.Synchronized(logStream);
        if (detached)
        {
            Detach(logFile);
        }

        var credentials = await AgentProxy.StartAsync(config.Proxy, where, logWriter, cancellationToken).ConfigureAwait(false);
        await using var ownsProxy = credentials as IAsyncDisposable ?? NothingToDispose.Instance;
        var options = new DaemonOptions
        {
            Credentials = credentials,
            Workspace = where.Workspace,
            SocketDirectory = DaemonAddress.SocketDirectoryFor(where.Console.GetEnv),
            Config = config,
            Environment = where.Console.Environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal),
            LogWriter = detached ? logWriter : new TeeWriter(logWriter, where.Console.Error),
            GodelCommand = GodelExecutable.Resolve().ShellCommand,
        };

        DaemonHost host;
        try
        {
            host = DaemonHost.Start(options);
        }
        catch (IOException e)
        {
            throw new CliException(e.Message);
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            _ = host.StopAsync();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);
        await using var cancelled = cancellationToken.Register(() => _ = host.StopAsync());
        await host.Completion.ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    // A new session (no controlling terminal, no SIGHUP when the starting shell exits); stdout/stderr go to the log.
    private static void Detach(FileStream logFile)
    {
        _ = CliNative.SetSid();
        var fd = (int)logFile.SafeFileHandle.DangerousGetHandle();
        _ = CliNative.Dup2(fd, 1);
        _ = CliNative.Dup2(fd, 2);
        using var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.Read);
        _ = CliNative.Dup2((int)devNull.SafeFileHandle.DangerousGetHandle(), 0);
    }
}
