// P/Invoke declarations for ConPTY and process creation on Windows (compiled everywhere, proven only on Windows).
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Godel.Pty.Windows;

[SupportedOSPlatform("windows")]
internal static unsafe partial class Kernel32
{
    private const string Lib = "kernel32.dll";

    internal const uint ExtendedStartupInfoPresent = 0x00080000;
    internal const uint CreateUnicodeEnvironment = 0x00000400;
    internal const int StartfUseStdHandles = 0x00000100;
    internal const nint ProcThreadAttributePseudoConsole = 0x00020016;
    internal const uint Infinite = 0xFFFFFFFF;

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CreatePipe(out SafeFileHandle readPipe, out SafeFileHandle writePipe, nint attributes, int size);

    [LibraryImport(Lib)]
    internal static partial int CreatePseudoConsole(Coord size, SafeFileHandle input, SafeFileHandle output, uint flags, out nint console);

    [LibraryImport(Lib)]
    internal static partial int ResizePseudoConsole(nint console, Coord size);

    [LibraryImport(Lib)]
    internal static partial void ClosePseudoConsole(nint console);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool InitializeProcThreadAttributeList(void* list, int count, int flags, ref nint size);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool UpdateProcThreadAttribute(void* list, uint flags, nint attribute, nint value, nint size, nint previous, nint returnSize);

    [LibraryImport(Lib)]
    internal static partial void DeleteProcThreadAttributeList(void* list);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CreateProcessW(char* applicationName, char* commandLine, nint processAttributes, nint threadAttributes,
        int inheritHandles, uint creationFlags, char* environment, char* currentDirectory, StartupInfoEx* startupInfo, ProcessInformation* processInformation);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool GetExitCodeProcess(SafeProcessHandle process, out uint exitCode);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool TerminateProcess(SafeProcessHandle process, uint exitCode);

    [LibraryImport(Lib, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool CloseHandle(nint handle);
}

[StructLayout(LayoutKind.Sequential)]
internal struct Coord
{
    public short X;
    public short Y;
}

[StructLayout(LayoutKind.Sequential)]
internal struct StartupInfo
{
    public int Cb;
    public nint Reserved;
    public nint Desktop;
    public nint Title;
    public int X;
    public int Y;
    public int XSize;
    public int YSize;
    public int XCountChars;
    public int YCountChars;
    public int FillAttribute;
    public int Flags;
    public short ShowWindow;
    public short Reserved2Count;
    public nint Reserved2;
    public nint StdInput;
    public nint StdOutput;
    public nint StdError;
}

[StructLayout(LayoutKind.Sequential)]
internal struct StartupInfoEx
{
    public StartupInfo StartupInfo;
    public nint AttributeList;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ProcessInformation
{
    public nint Process;
    public nint Thread;
    public int ProcessId;
    public int ThreadId;
}
