// Starts the child with posix_spawn as a new session whose controlling terminal is the pts (no fork in managed code).
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static unsafe class PosixSpawner
{
    // Opaque libc structures: glibc's are 336 and 80 bytes, macOS's are one pointer; these sizes cover both.
    private const int OpaqueSize = 1024;
    private const int SigSetSize = 256;

    /// <summary>
    /// Linux: setsid (runs before file actions), then open the pts as fd 0 — a session leader
    /// without a terminal acquires it — dup it to 1 and 2, close everything else, chdir, exec.
    /// </summary>
    internal static int SpawnLinux(ResolvedCommand command, string ptsPath)
    {
        var c = UnixConstants.Current;
        var flags = (short)(c.SpawnSetSid | c.SpawnSetSigDef | c.SpawnSetSigMask);
        return Spawn(command, flags, actions =>
        {
            var pts = NativeStringArray.AllocUtf8(ptsPath);
            try
            {
                Check(Libc.posix_spawn_file_actions_addopen((void*)actions, 0, pts, c.ORdWr, 0), "posix_spawn_file_actions_addopen");
            }
            finally
            {
                NativeMemory.Free(pts);
            }
            Check(Libc.posix_spawn_file_actions_adddup2((void*)actions, 0, 1), "posix_spawn_file_actions_adddup2");
            Check(Libc.posix_spawn_file_actions_adddup2((void*)actions, 0, 2), "posix_spawn_file_actions_adddup2");
            // Descriptors the runtime opened are close-on-exec; this also covers ones our parent leaked to us.
            Check(Libc.posix_spawn_file_actions_addclosefrom_np((void*)actions, 3), "posix_spawn_file_actions_addclosefrom_np");
            AddChdir(actions, command.WorkingDirectory);
        });
    }

    /// <summary>
    /// macOS (also runs on Linux, for tests): the pts is opened as 0/1/2 with O_NOCTTY and every
    /// other descriptor closed (CLOEXEC_DEFAULT on macOS, closefrom on Linux); the trampoline in
    /// our own executable then does setsid + TIOCSCTTY + execve.
    /// </summary>
    internal static int SpawnTrampoline(ResolvedCommand trampoline, string ptsPath)
    {
        var c = UnixConstants.Current;
        var flags = (short)(c.SpawnSetSigDef | c.SpawnSetSigMask | c.SpawnCloExecDefault);
        return Spawn(trampoline, flags, actions =>
        {
            var pts = NativeStringArray.AllocUtf8(ptsPath);
            try
            {
                Check(Libc.posix_spawn_file_actions_addopen((void*)actions, 0, pts, c.ORdWr | c.ONoCtty, 0), "posix_spawn_file_actions_addopen");
            }
            finally
            {
                NativeMemory.Free(pts);
            }
            Check(Libc.posix_spawn_file_actions_adddup2((void*)actions, 0, 1), "posix_spawn_file_actions_adddup2");
            Check(Libc.posix_spawn_file_actions_adddup2((void*)actions, 0, 2), "posix_spawn_file_actions_adddup2");
            if (!c.IsDarwin)
                Check(Libc.posix_spawn_file_actions_addclosefrom_np((void*)actions, 3), "posix_spawn_file_actions_addclosefrom_np");
            AddChdir(actions, trampoline.WorkingDirectory);
        });
    }

    private static int Spawn(ResolvedCommand command, short flags, Action<IntPtr> addFileActions)
    {
        var attr = NativeMemory.AllocZeroed(OpaqueSize);
        var actions = NativeMemory.AllocZeroed(OpaqueSize);
        var all = NativeMemory.AllocZeroed(SigSetSize);
        var none = NativeMemory.AllocZeroed(SigSetSize);
        var path = NativeStringArray.AllocUtf8(command.Path);
        using var argv = new NativeStringArray(command.Argv);
        using var envp = new NativeStringArray(command.Env);
        var attrReady = false;
        var actionsReady = false;
        try
        {
            Check(Libc.posix_spawnattr_init(attr), "posix_spawnattr_init");
            attrReady = true;
            Check(Libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            actionsReady = true;
            _ = Libc.sigfillset(all);
            _ = Libc.sigemptyset(none);
            Check(Libc.posix_spawnattr_setflags(attr, flags), "posix_spawnattr_setflags");
            Check(Libc.posix_spawnattr_setsigdefault(attr, all), "posix_spawnattr_setsigdefault");
            Check(Libc.posix_spawnattr_setsigmask(attr, none), "posix_spawnattr_setsigmask");
            addFileActions((IntPtr)actions);
            int pid;
            var rc = Libc.posix_spawn(&pid, path, actions, attr, argv.Pointer, envp.Pointer);
            if (rc != 0)
                throw SpawnFailed(command, rc);
            return pid;
        }
        finally
        {
            if (actionsReady)
                _ = Libc.posix_spawn_file_actions_destroy(actions);
            if (attrReady)
                _ = Libc.posix_spawnattr_destroy(attr);
            NativeMemory.Free(path);
            NativeMemory.Free(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(all);
            NativeMemory.Free(none);
        }
    }

    private static void AddChdir(IntPtr actions, string directory)
    {
        var dir = NativeStringArray.AllocUtf8(directory);
        try
        {
            Check(Libc.posix_spawn_file_actions_addchdir_np((void*)actions, dir), "posix_spawn_file_actions_addchdir_np");
        }
        finally
        {
            NativeMemory.Free(dir);
        }
    }

    private static PtySpawnException SpawnFailed(ResolvedCommand command, int rc) =>
        rc == UnixConstants.ENoent
            ? new PtyProgramNotFoundException($"Could not start '{command.Path}': it (or its interpreter) was not found.")
            : new PtySpawnException($"Could not start '{command.Path}' in {command.WorkingDirectory}: {Marshal.GetPInvokeErrorMessage(rc)} (errno {rc}).");

    private static void Check(int rc, string what)
    {
        if (rc != 0)
            throw PtyErrors.FromCode(what, rc);
    }
}
