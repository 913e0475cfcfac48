// The error raised when a peer breaks the wire contract (bad header, oversize frame, bad JSON, early end).
namespace Godel.Protocol.Framing;

public sealed class ProtocolException(string message, Exception? inner = null) : Exception(message, inner);
