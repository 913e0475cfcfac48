// How to run this same `godel` again (to start the daemon, and in hooks): the apphost, else `dotnet godel.dll`.
namespace Godel.Cli.Daemon;

internal sealed record GodelExecutable(string Program, IReadOnlyList<string> PrefixArgs)
{
    public static GodelExecutable Resolve()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "godel")
        {
            return new GodelExecutable(self, []);
        }

        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "godel.exe" : "godel");
        if (File.Exists(apphost))
        {
            return new GodelExecutable(apphost, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return new GodelExecutable(dotnet, [Path.Combine(AppContext.BaseDirectory, "godel.dll")]);
    }

    /// <summary>A shell command line (for hooks), each word single-quoted when needed.</summary>
    public string ShellCommand => string.Join(' ', new[] { Program }.Concat(PrefixArgs).Select(Quote));

    private static string Quote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
