// Finds programs on a given PATH and asks them for their version, with CliWrap and a timeout.
using CliWrap;
using CliWrap.Buffered;

namespace Godel.Cli.Doctor;

internal static class ToolProbe
{
    /// <summary>The full path of <paramref name="command"/> on <paramref name="path"/> (or as given, if it has a folder), or null.</summary>
    public static string? Find(string command, string? path)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutable(command) ? Path.GetFullPath(command) : null;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", "" } : [""];
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, command + extension);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The first non-empty line the program prints for <paramref name="versionArg"/>; null if it fails or hangs.</summary>
    public static async Task<string?> VersionAsync(string executable, string versionArg, DoctorContext context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(context.ProbeTimeout);
        try
        {
            var result = await CliWrap.Cli.Wrap(executable)
                .WithArguments(versionArg.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .WithEnvironmentVariables(env => env.Set("PATH", context.Env("PATH")))
                .WithWorkingDirectory(context.WorkingDirectory)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token)
                .ConfigureAwait(false);
            var output = result.StandardOutput.Trim().Length > 0 ? result.StandardOutput : result.StandardError;
            var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            return result.ExitCode == 0 ? line ?? "(no version printed)" : null;
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
