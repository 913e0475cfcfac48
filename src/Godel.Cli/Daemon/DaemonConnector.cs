// Finds the workspace of the current folder and connects to its daemon, starting it on demand.
using System.Diagnostics;
using System.Net.Sockets;
using Godel.Protocol;
using Godel.Protocol.Client;
using Godel.Protocol.Messages;
using Godel.Workspace;

namespace Godel.Cli.Daemon;

internal sealed class DaemonConnector
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private DaemonConnector(CliConsole console, string workspace)
    {
        Console = console;
        Workspace = workspace;
        Address = DaemonAddress.For(workspace, console.GetEnv);
    }

    public CliConsole Console { get; }

    /// <summary>The main repository root this daemon serves.</summary>
    public string Workspace { get; }

    public DaemonAddress Address { get; }

    public string LogPath => Path.Combine(Workspace, ".godel", "daemon", "daemon.log");

    /// <summary>The workspace of the current folder (inside an agent, GODEL_WORKSPACE wins).</summary>
    public static DaemonConnector For(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var workspace = console.GetEnv("GODEL_WORKSPACE") is { Length: > 0 } fromAgent && Directory.Exists(fromAgent)
            ? fromAgent
            : WorkspaceLocator.Require(console.WorkingDirectory).RootPath;
        return new DaemonConnector(console, workspace);
    }

    /// <summary>A connection to the running daemon, or null when none runs.</summary>
    public async Task<DaemonClient?> TryConnectAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Address.SocketPath))
        {
            return null;
        }

        try
        {
            return await DaemonClient.ConnectAsync(Address.SocketPath, "godel-cli", cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null;
        }
        catch (DaemonErrorException e) when (e.Code == ErrorCodes.VersionMismatch)
        {
            throw new CliException(e.Message);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A connection to the daemon, starting it first if none runs.</summary>
    public async Task<DaemonClient> ConnectOrStartAsync(CancellationToken cancellationToken)
    {
        if (await TryConnectAsync(cancellationToken).ConfigureAwait(false) is { } running)
        {
            return running;
        }

        var process = StartDaemon();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            if (await TryConnectAsync(cancellationToken).ConfigureAwait(false) is { } client)
            {
                return client;
            }

            if (process.HasExited && process.ExitCode != 0)
            {
                throw new CliException($"the daemon failed to start (exit code {process.ExitCode}): see {LogPath}");
            }
        }

        throw new CliException($"the daemon did not answer within {StartTimeout.TotalSeconds:0}s: see {LogPath}");
    }

    /// <summary>Starts `godel daemon run --detached` in the workspace; it detaches itself (setsid) and logs to .godel/daemon/daemon.log.</summary>
    private Process StartDaemon()
    {
        var godel = GodelExecutable.Resolve();
        var start = new ProcessStartInfo(godel.Program)
        {
            WorkingDirectory = Workspace,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in godel.PrefixArgs.Concat(["daemon", "run", "--detached"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (key, value) in Console.Environment)
        {
            if (value is not null)
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new CliException($"could not start {godel.Program}");
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        return process;
    }
}
