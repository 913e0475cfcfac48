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
        WriteError($"godel: could not start {args[1]}: {error}\r\n");
        Environment.Exit(127);
        return true;
    }

    /// <summary>
    /// How to start this executable again: its path, plus the entry assembly when it runs under the
    /// `dotnet` host. Element 0 is the file to execute.
    /// </summary>
    internal static IReadOnlyList<string> SelfHost()
    {
        var self = Environment.ProcessPath
            ?? throw new PtySpawnException("Cannot find this program's own executable to start the pseudo-terminal trampoline.");
        if (Path.GetFileNameWithoutExtension(self) != "dotnet")
            return [self];
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(entry))
            throw new PtySpawnException("Running under 'dotnet' without an entry assembly: the pseudo-terminal trampoline cannot start.");
        return [self, entry];
    }

    /// <summary>The command that runs <paramref name="target"/> through the trampoline in <paramref name="host"/>.</summary>
    internal static ResolvedCommand Wrap(ResolvedCommand target, IReadOnlyList<string> host)
    {
        var argv = new List<string>(host) { Verb, target.Path };
        argv.AddRange(target.Argv);
        return target with { Path = host[0], Argv = argv };
    }

    // Straight to fd 2: System.Console would first switch the terminal's keypad and cursor-key modes.
    private static unsafe void WriteError(string message)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        var bytes = System.Text.Encoding.UTF8.GetBytes(message);
        fixed (byte* p = bytes)
            _ = Libc.write(2, p, (nuint)bytes.Length);
    }

    // The runtime ignores SIGPIPE and may block signals; ignored and blocked signals survive execve,
    // so the target program would inherit them. Caught ones reset by themselves.
    [SupportedOSPlatform("linux")]
    [SupportedOSPlatform("macos")]
    private static unsafe void ResetSignals()
    {
        for (var sig = 1; sig < 32; sig++)
            _ = Libc.signal(sig, 0); // SIG_DFL; fails harmlessly for SIGKILL and SIGSTOP
        var none = stackalloc byte[256];
        _ = Libc.sigemptyset(none);
        _ = Libc.sigprocmask(UnixConstants.Current.SigSetMask, none, null);
    }

    [SupportedOSPlatform("linux")]
    [SupportedOSPlatform("macos")]
    private static unsafe string Exec(string path, string[] argv)
    {
        // Already a session leader (started by something that did setsid for us) is fine too.
        if (Libc.setsid() < 0 && Libc.getsid(0) != Environment.ProcessId)
            return PtyErrors.FromErrno("setsid").Message;
        if (UnixFd.Ioctl(0, UnixConstants.Current.TiocSCtty, null) < 0)
            return PtyErrors.FromErrno("ioctl(TIOCSCTTY)").Message;
        ResetSignals();
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
