// The first exchange on every connection: the client says who it is, the daemon answers or refuses.
namespace Godel.Protocol.Messages;

/// <summary>Client → daemon, first frame. A version other than the daemon's is refused with an <see cref="Error"/>.</summary>
public sealed record Hello(int ProtocolVersion, string ClientName, string ClientVersion, int ClientPid) : Message;

/// <summary>Daemon → client: the handshake succeeded.</summary>
public sealed record Welcome(int ProtocolVersion, string DaemonVersion, int DaemonPid, string Workspace) : Message;

/// <summary>A request succeeded and has nothing to return.</summary>
public sealed record Ok : Message;

/// <summary>A request failed (or the connection is refused). <see cref="Code"/> is one of <see cref="ErrorCodes"/>.</summary>
public sealed record Error(string Code, string Message) : Message;

/// <summary>Machine-readable error codes.</summary>
public static class ErrorCodes
{
    public const string VersionMismatch = "version-mismatch";
    public const string HandshakeRequired = "handshake-required";
    public const string MalformedFrame = "malformed-frame";
    public const string UnknownAgent = "unknown-agent";
    public const string NameTaken = "name-taken";
    public const string UnknownRuntime = "unknown-runtime";
    public const string NotRunning = "not-running";
    public const string SpawnFailed = "spawn-failed";
    public const string BadRequest = "bad-request";
    public const string UnknownChannel = "unknown-channel";
    public const string Internal = "internal";
}
