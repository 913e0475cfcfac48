// An owned file descriptor: closed exactly once, and never while a native call is still using it.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Godel.Pty.Native;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal sealed class FdHandle : SafeHandle
{
    internal FdHandle(int fd) : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    internal int Fd => (int)handle.ToInt64();

    /// <summary>Holds the descriptor open for the duration of a native call; false once disposed.</summary>
    internal bool TryAcquire()
    {
        var ok = false;
        try
        {
            DangerousAddRef(ref ok);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        return ok;
    }

    internal void Release() => DangerousRelease();

    protected override bool ReleaseHandle() => Libc.close(Fd) == 0;
}
