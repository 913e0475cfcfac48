// Doctor check for the daemon's socket folder: it must belong to the user and be private (0700).
using CliWrap;
using CliWrap.Buffered;

namespace Godel.Cli.Doctor;

internal static partial class SocketDirectoryCheck
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>`$XDG_RUNTIME_DIR/godel`, else `~/.godel-run`: where daemons put their sockets.</summary>
    public static string? Folder(DoctorContext context) =>
        context.Env("XDG_RUNTIME_DIR") is { } runtime ? Path.Combine(runtime, "godel")
        : context.Env("HOME") is { } home ? Path.Combine(home, ".godel-run")
        : null;

    public static async Task<Finding> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        const string title = "daemon sockets";
        if (OperatingSystem.IsWindows())
        {
            return Finding.Ok(title, "named pipes (no folder to check)");
        }

        if (Folder(context) is not { } folder)
        {
            return Finding.Problem(title, "neither XDG_RUNTIME_DIR nor HOME is set", "export HOME (or XDG_RUNTIME_DIR)");
        }

        if (!Directory.Exists(folder))
        {
            return File.Exists(folder)
                ? Finding.Problem(title, $"{folder} is a file, not a folder", $"rm {folder}  (it is re-created on first use)")
                : Finding.Ok(title, $"{folder} (created with mode 0700 on first use)");
        }

        var mode = File.GetUnixFileMode(folder);
        if (mode != Private)
        {
            return Finding.Problem(title, $"{folder} has mode {Octal(mode)}; it must be 0700 so only you can reach your agents", $"chmod 700 {folder}");
        }

        var owner = await OwnerAsync(folder, cancellationToken).ConfigureAwait(false);
        var me = Posix.EffectiveUserId();
        return owner is null || owner == me
            ? Finding.Ok(title, $"{folder} (0700, yours)")
            : Finding.Problem(title, $"{folder} belongs to uid {owner}, not to you (uid {me})", $"rm -rf {folder}  (it is re-created on first use)");
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    // .NET has no API for a file's owner; `stat` prints it (GNU and BSD spell the format differently).
    private static async Task<uint?> OwnerAsync(string folder, CancellationToken cancellationToken)
    {
        string[] args = OperatingSystem.IsMacOS() ? ["-f", "%u", folder] : ["-c", "%u", folder];
        try
        {
            var result = await CliWrap.Cli.Wrap("stat").WithArguments(args).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            return uint.TryParse(result.StandardOutput.Trim(), out var uid) ? uid : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
