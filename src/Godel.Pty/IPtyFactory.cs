// The factory the daemon passes around to start processes on pseudo-terminals (tests can swap it).
namespace Godel.Pty;

/// <summary>Starts processes on new pseudo-terminals.</summary>
public interface IPtyFactory
{
    /// <summary>Starts <paramref name="options"/>; throws <see cref="PtySpawnException"/> with a user-facing message on failure.</summary>
    IPtyProcess Spawn(PtySpawnOptions options);
}

/// <summary>The real pseudo-terminals of the running OS.</summary>
public sealed class PtyFactory : IPtyFactory
{
    private PtyFactory() { }

    public static IPtyFactory Default { get; } = new PtyFactory();

    public IPtyProcess Spawn(PtySpawnOptions options) => PtyProcess.Spawn(options);
}
