// Everything a daemon needs to run, so tests can run one in-process with their own folders.
using Godel.Config.Model;
using Godel.Pty;
using Godel.Terminal;

namespace Godel.Daemon;

public sealed record DaemonOptions
{
    /// <summary>The main repository root; the daemon serves this workspace only.</summary>
    public required string Workspace { get; init; }

    /// <summary>The private folder holding the socket (see Godel.Protocol.DaemonAddress).</summary>
    public required string SocketDirectory { get; init; }

    public GodelConfig Config { get; init; } = GodelConfig.Default;

    /// <summary>The environment agents inherit (and where $SHELL is read).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public Func<PtySpawnOptions, IPtyProcess> SpawnPty { get; init; } = PtyProcess.Spawn;

    public Func<TerminalOptions, ITerminalEvents, ITerminalEmulator> CreateEmulator { get; init; } =
        static (options, events) => new TerminalEmulator(options, events);

    public IAgentCredentials Credentials { get; init; } = new NoAgentCredentials();

    /// <summary>The only uid allowed to connect; null = the daemon's own effective uid.</summary>
    public uint? AllowedUid { get; init; }

    /// <summary>The command hooks run to reach the daemon (`godel agent notify …`).</summary>
    public string GodelCommand { get; init; } = "godel";

    public TextWriter LogWriter { get; init; } = TextWriter.Null;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often state detection looks at quiet agents (prompt patterns, silence).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Quiet time after output before the screen is checked for a prompt.</summary>
    public TimeSpan PromptSettle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Output a client may have queued before it is dropped and sent a fresh snapshot instead.</summary>
    public long ClientBacklogBytes { get; init; } = 1024 * 1024;

    /// <summary>Delay between the text and the Enter of `agent send --enter`.</summary>
    public TimeSpan EnterDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>`.godel` under the workspace.</summary>
    public string GodelDirectory => Path.Combine(Workspace, ".godel");

    public string LogDirectory => Path.Combine(GodelDirectory, "logs");

    public string StateDirectory => Path.Combine(GodelDirectory, "daemon");
}
