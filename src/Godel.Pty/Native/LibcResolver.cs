// Maps the logical library name "libc" to the real C library of the running platform.
using System.Reflection;
using System.Runtime.InteropServices;

namespace Godel.Pty.Native;

internal static class LibcResolver
{
    private static int _registered;

    /// <summary>Registers the resolver once per process (NativeLibrary allows one per assembly).</summary>
    internal static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(LibcResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != "libc")
            return IntPtr.Zero;
        var real = OperatingSystem.IsMacOS() ? "/usr/lib/libSystem.dylib" : "libc.so.6";
        return NativeLibrary.TryLoad(real, out var handle) ? handle : IntPtr.Zero;
    }
}
