// Where a client's attached channel delivers what the daemon sends for it.
namespace Godel.Protocol.Client;

/// <summary>Receives one attached agent's terminal stream. Called on the connection's read loop: return quickly.</summary>
public interface ITerminalSink
{
    /// <summary>Replace whatever you show with this screen (sent on attach, after a resize, and when you fell behind).</summary>
    void OnSnapshot(int columns, int rows, ReadOnlySpan<byte> screen);

    /// <summary>Bytes the agent wrote, in order, after the last snapshot.</summary>
    void OnOutput(ReadOnlySpan<byte> data);
}
