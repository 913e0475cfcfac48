// Waits for one child on its own thread: first observes the exit without reaping (so signals are never
// sent to a recycled pid), then reaps exactly that pid. Never waitpid(-1): the runtime reaps its own children.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Godel.Pty.Native;

namespace Godel.Pty.Unix;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed unsafe class ChildReaper
{
    private readonly int _pid;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action _onReaped;
    private bool _terminated;

    internal ChildReaper(int pid, Action onReaped)
    {
        _pid = pid;
        _onReaped = onReaped;
        var thread = new Thread(Run, 128 * 1024) { IsBackground = true, Name = $"godel-pty-wait-{pid}" };
        thread.Start();
    }

    internal Task<PtyExitStatus> Exited => _exited.Task;

    /// <summary>Sends a signal to the child's process group, unless the child has already terminated.</summary>
    internal void SignalGroup(int signal)
    {
        lock (_gate)
        {
            if (!_terminated)
                _ = Libc.kill(-_pid, signal);
        }
    }

    private void Run()
    {
        var c = UnixConstants.Current;
        var info = stackalloc byte[256];
        while (Libc.waitid(UnixConstants.PPid, _pid, info, c.WExited | c.WNoWait) != 0
               && Marshal.GetLastPInvokeError() == UnixConstants.EIntr)
        {
        }
        lock (_gate)
            _terminated = true;
        int status;
        int rc;
        while ((rc = Libc.waitpid(_pid, &status, 0)) < 0 && Marshal.GetLastPInvokeError() == UnixConstants.EIntr)
        {
        }
        _onReaped();
        _exited.SetResult(rc == _pid ? Decode(status) : new PtyExitStatus(null, null));
    }

    /// <summary>WIFEXITED / WEXITSTATUS / WIFSIGNALED / WTERMSIG, identical on Linux and macOS.</summary>
    internal static PtyExitStatus Decode(int status)
    {
        var low = status & 0x7f;
        if (low == 0)
            return new PtyExitStatus((status >> 8) & 0xff, null);
        if (low != 0x7f)
            return new PtyExitStatus(null, low);
        return new PtyExitStatus(null, null);
    }
}
