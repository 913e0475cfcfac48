// Decides whether a connecting process may talk to the daemon: only the daemon's own user.
namespace Godel.Daemon.Server;

internal static class PeerCheck
{
    /// <summary>Null when allowed, else the reason to log and refuse.</summary>
    public static string? Refusal(uint peerUid, int peerPid, uint expectedUid) =>
        peerUid == expectedUid
            ? null
            : $"refused a connection from uid {peerUid} (pid {peerPid}): the daemon serves only uid {expectedUid}";
}
