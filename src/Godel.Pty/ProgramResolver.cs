// Finds the executable a spawn will run, so "not found" is a clear error before anything starts.
namespace Godel.Pty;

internal static class ProgramResolver
{
    /// <summary>
    /// An absolute path for <paramref name="program"/>: a name without a slash is searched on
    /// <paramref name="path"/> (the child's PATH); a relative path is taken from the working directory.
    /// </summary>
    internal static string Resolve(string program, string? path, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(program))
            throw new PtyProgramNotFoundException("No program given to start on the pseudo-terminal.");
        if (program.Contains('/', StringComparison.Ordinal) || (OperatingSystem.IsWindows() && program.Contains('\\', StringComparison.Ordinal)))
            return ResolvePath(program, workingDirectory);
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var baseName = Path.Combine(Path.IsPathRooted(dir) ? dir : Path.Combine(workingDirectory, dir), program);
            foreach (var candidate in Candidates(baseName))
            {
                if (IsExecutableFile(candidate))
                    return candidate;
            }
        }
        throw new PtyProgramNotFoundException(
            $"Program '{program}' was not found on PATH ({Shorten(path)}). Install it, or give its full path.");
    }

    // Windows runs "git" as git.exe (PATHEXT); elsewhere the name is the file.
    private static IEnumerable<string> Candidates(string baseName)
    {
        if (!OperatingSystem.IsWindows() || Path.HasExtension(baseName))
        {
            yield return baseName;
            yield break;
        }
        var extensions = Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD";
        foreach (var ext in extensions.Split(';', StringSplitOptions.RemoveEmptyEntries))
            yield return baseName + ext;
    }

    private static string ResolvePath(string program, string workingDirectory)
    {
        var full = Path.GetFullPath(program, workingDirectory);
        if (OperatingSystem.IsWindows() && !File.Exists(full))
            full = Candidates(full).FirstOrDefault(File.Exists) ?? full;
        if (!File.Exists(full))
            throw new PtyProgramNotFoundException($"Program '{program}' does not exist (looked for {full}).");
        if (!IsExecutableFile(full))
            throw new PtyProgramNotFoundException($"Program '{full}' is not executable: check its permissions (chmod +x).");
        return full;
    }

    private static bool IsExecutableFile(string candidate)
    {
        if (!File.Exists(candidate))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        var mode = File.GetUnixFileMode(candidate);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    private static string Shorten(string? path) =>
        string.IsNullOrEmpty(path) ? "PATH is empty" : path.Length <= 200 ? path : path[..200] + "…";
}
