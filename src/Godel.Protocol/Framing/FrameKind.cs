// What a frame's payload is: a JSON message, or raw terminal bytes for one attached channel.
namespace Godel.Protocol.Framing;

public enum FrameKind : byte
{
    /// <summary>A UTF-8 JSON <see cref="Messages.Message"/>.</summary>
    Message = 1,

    /// <summary>Daemon → client: bytes the agent wrote. Payload: 4-byte channel, then bytes.</summary>
    Output = 2,

    /// <summary>Client → daemon: bytes to type into the agent. Payload: 4-byte channel, then bytes.</summary>
    Input = 3,

    /// <summary>Daemon → client: a full screen to load into a fresh emulator. Payload: channel, 2-byte columns, 2-byte rows, VT bytes.</summary>
    Snapshot = 4,
}
