// Where the daemon-related verbs can run: Unix only (sockets with peer credentials, PTYs, termios).
using System.Runtime.Versioning;

namespace Godel.Cli.Daemon;

internal static class Platform
{
    [SupportedOSPlatformGuard("linux")]
    [SupportedOSPlatformGuard("macos")]
    public static bool IsUnix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static CliException NotSupported(string verb) =>
        new($"`godel {verb}` needs Linux or macOS (Windows support comes with ConPTY sessions)", ExitCodes.Failure);
}
