// The protocol version and the limits both ends agree on.
namespace Godel.Protocol;

public static class ProtocolInfo
{
    /// <summary>Bumped on any incompatible change to frames or messages; the handshake compares it exactly.</summary>
    public const int Version = 1;

    /// <summary>Largest payload a frame may carry; anything bigger is a malformed frame.</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>Size of a frame header: 4-byte big-endian payload length, then 1 byte of kind.</summary>
    public const int HeaderBytes = 5;

    /// <summary>The message shown when versions differ, on both sides.</summary>
    public static string MismatchMessage(int daemonVersion, int clientVersion) =>
        $"daemon is version {daemonVersion}, client {clientVersion}: restart it with `godel daemon stop`";
}
