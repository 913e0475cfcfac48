// The one libc call the doctor needs: the user's id, to compare with a folder's owner.
using System.Runtime.InteropServices;

namespace Godel.Cli.Doctor;

internal static partial class Posix
{
    public static uint EffectiveUserId() => OperatingSystem.IsWindows() ? 0 : NativeMethods.geteuid();

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "geteuid")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable IDE1006 // libc's own name.
        internal static partial uint geteuid();
#pragma warning restore IDE1006
    }
}
