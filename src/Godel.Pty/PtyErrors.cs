// Turns native error numbers into PtySpawnException messages.
using System.Runtime.InteropServices;

namespace Godel.Pty;

internal static class PtyErrors
{
    /// <summary>An exception for the errno left by the last P/Invoke (declared with SetLastError).</summary>
    internal static PtySpawnException FromErrno(string what) => FromCode(what, Marshal.GetLastPInvokeError());

    /// <summary>An exception for an error number returned directly (posix_spawn family).</summary>
    internal static PtySpawnException FromCode(string what, int code) =>
        new($"{what} failed: {Marshal.GetPInvokeErrorMessage(code)} (errno {code})");
}
