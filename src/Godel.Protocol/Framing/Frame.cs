// One received frame; its payload is only valid until the next read from the same reader.
namespace Godel.Protocol.Framing;

public readonly record struct Frame(FrameKind Kind, ReadOnlyMemory<byte> Payload);
