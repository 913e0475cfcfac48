// The socket folder and name: private, per user, derived from the workspace root.
namespace Godel.Protocol.Tests;

public sealed class DaemonAddressTests
{
    [Fact]
    public void The_override_wins_then_xdg_then_home()
    {
        Assert.Equal("/o", DaemonAddress.SocketDirectoryFor(n => n == DaemonAddress.RuntimeDirVariable ? "/o" : "/x"));
        Assert.Equal("/run/user/1/godel", DaemonAddress.SocketDirectoryFor(n => n == "XDG_RUNTIME_DIR" ? "/run/user/1" : null));
        Assert.Equal("/home/u/.godel-run", DaemonAddress.SocketDirectoryFor(n => n == "HOME" ? "/home/u" : null));
    }

    [Fact]
    public void Each_workspace_gets_its_own_short_stable_socket_name()
    {
        var a = DaemonAddress.For("/repo/a", _ => "/run/g");
        var b = DaemonAddress.For("/repo/b", _ => "/run/g");

        Assert.NotEqual(a.SocketPath, b.SocketPath);
        Assert.Equal(a.SocketPath, DaemonAddress.For("/repo/a", _ => "/run/g").SocketPath);
        Assert.Equal("/run/g/".Length + 16 + ".sock".Length, a.SocketPath.Length);
    }

    [Fact]
    public void The_socket_folder_is_created_readable_only_by_the_user()
    {
        var root = Directory.CreateTempSubdirectory("godel-addr-");
        try
        {
            var dir = Path.Combine(root.FullName, "sock");
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);

            new DaemonAddress("/repo", dir).EnsureSocketDirectory();

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
