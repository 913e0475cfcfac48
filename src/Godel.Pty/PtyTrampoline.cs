// The re-exec trampoline macOS needs: our own executable, started on the pts, becomes a session leader,
// takes the pts as its controlling terminal (TIOCSCTTY) and execs the real program.
using System.Collections;
using System.Reflection;
using System.Runtime.Versioning;
using Godel.Pty.Native;
using Godel.Pty.Unix;

namespace Godel.Pty;

public static class PtyTrampoline
{
    /// <summary>The hidden first argument that marks a trampoline run.</summary>
    public const string Verb = "__godel-pty-exec";

    /// <summary>
    /// Call first in Main. Returns false unless args[0] is <see cref="Verb"/>; otherwise it never
    /// returns: it execs the target program, or exits with 127 after printing why it could not.
    /// </summary>
    public static bool TryRun(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3 || args[0] != Verb)
            return false;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return false;
        var error = Exec(args[1], args[2..]);
        Console.Error.WriteLine($"godel: could not start {args[1]}: {error}");
        Environment.Exit(127);
        return true;
    }

    /// <summary>The command that runs <paramref name="target"/> through the trampoline in this executable.</summary>
    internal static ResolvedCommand Wrap(ResolvedCommand target)
    {
        var self = Environment.ProcessPath
            ?? throw new PtySpawnException("Cannot find this program's own executable to start the pseudo-terminal trampoline.");
        var argv = new List<string> { self };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            var entry = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
                throw new PtySpawnException("Running under 'dotnet' without an entry assembly: the pseudo-terminal trampoline cannot start.");
            argv.Add(entry);
        }
        argv.Add(Verb);
        argv.Add(target.Path);
        argv.AddRange(target.Argv);
        return target with { Path = self, Argv = argv };
    }

    [SupportedOSPlatform("linux")]
    [SupportedOSPlatform("macos")]
    private static unsafe string Exec(string path, string[] argv)
    {
        if (Libc.setsid() < 0)
            return PtyErrors.FromErrno("setsid").Message;
        if (UnixFd.Ioctl(0, UnixConstants.Current.TiocSCtty, null) < 0)
            return PtyErrors.FromErrno("ioctl(TIOCSCTTY)").Message;
        var env = new List<string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            env.Add($"{e.Key}={e.Value}");
        using var nativeArgv = new NativeStringArray(argv);
        using var nativeEnv = new NativeStringArray(env);
        var nativePath = NativeStringArray.AllocUtf8(path);
        _ = Libc.execve(nativePath, nativeArgv.Pointer, nativeEnv.Pointer);
        return PtyErrors.FromErrno("execve").Message;
    }
}
