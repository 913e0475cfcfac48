// The exit codes every verb uses.
namespace Godel.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but failed (unknown bead, agent not running, …).</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong: usage, invalid config, not a git repository.</summary>
    public const int Usage = 2;
}

/// <summary>A failure to show as one clear line (no stack trace unless --verbose) with an exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
