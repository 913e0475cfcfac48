// Where a workspace's daemon listens: a socket named by a hash of the workspace root, in a per-user private folder.
using System.Security.Cryptography;
using System.Text;

namespace Godel.Protocol;

/// <summary>The socket path of one workspace's daemon.</summary>
public sealed record DaemonAddress(string Workspace, string SocketDirectory)
{
    /// <summary>Overrides the socket folder (tests, unusual systems).</summary>
    public const string RuntimeDirVariable = "GODEL_RUNTIME_DIR";

    public string SocketPath => Path.Combine(SocketDirectory, WorkspaceKey(Workspace) + ".sock");

    /// <summary>The address for a workspace root, given the caller's environment (never read from the process: tests pass their own).</summary>
    public static DaemonAddress For(string workspace, Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        return new DaemonAddress(Path.GetFullPath(workspace), SocketDirectoryFor(getEnv));
    }

    /// <summary>`$GODEL_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/godel`, else `~/.godel-run`.</summary>
    public static string SocketDirectoryFor(Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        if (getEnv(RuntimeDirVariable) is { Length: > 0 } overridden)
        {
            return overridden;
        }

        if (getEnv("XDG_RUNTIME_DIR") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "godel");
        }

        var home = getEnv("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".godel-run");
    }

    /// <summary>Creates the socket folder readable only by this user (0700), tightening it if it exists.</summary>
    public void EnsureSocketDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(SocketDirectory);
        }
        else
        {
            Directory.CreateDirectory(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>16 hex characters of SHA-256 over the workspace path: stable, short enough for the 108-byte socket path limit.</summary>
    public static string WorkspaceKey(string workspace) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(workspace)))[..16];
}
