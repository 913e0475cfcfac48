// The errors a spawn can report: each message says what failed, for which program, and what to do.
namespace Godel.Pty;

/// <summary>Starting a process on a pseudo-terminal failed; the message is meant for users.</summary>
public class PtySpawnException : Exception
{
    public PtySpawnException() { }

    public PtySpawnException(string message) : base(message) { }

    public PtySpawnException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The program was not found (not on PATH, or no such file), so nothing was started.</summary>
public sealed class PtyProgramNotFoundException : PtySpawnException
{
    public PtyProgramNotFoundException() { }

    public PtyProgramNotFoundException(string message) : base(message) { }

    public PtyProgramNotFoundException(string message, Exception inner) : base(message, inner) { }
}
