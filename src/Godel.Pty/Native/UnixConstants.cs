// Numeric constants that differ between Linux and macOS, chosen once at startup.
using System.Runtime.InteropServices;

namespace Godel.Pty.Native;

/// <summary>The constants one Unix flavour uses; <see cref="Current"/> picks the running one.</summary>
internal sealed record UnixConstants
{
    public required int ORdWr { get; init; }
    public required int ONoCtty { get; init; }
    public required int OCloExec { get; init; }
    public required int ONonBlock { get; init; }
    public required int FSetFl { get; init; }
    public required int FGetFl { get; init; }
    public required nuint TiocSWinSz { get; init; }
    public required nuint TiocGWinSz { get; init; }
    public required nuint TiocSCtty { get; init; }
    public required int SpawnSetSid { get; init; }
    public required int SpawnSetSigDef { get; init; }
    public required int SpawnSetSigMask { get; init; }
    /// <summary>macOS only: close every descriptor not named in the file actions.</summary>
    public required int SpawnCloExecDefault { get; init; }
    public required int EAgain { get; init; }
    public required int WExited { get; init; }
    public required int WNoWait { get; init; }
    public required int SigHup { get; init; }
    public required int SigKill { get; init; }
    public required int SigSetMask { get; init; }
    public required bool IsDarwin { get; init; }

    public const int EIntr = 4;
    public const int EIo = 5;
    public const int ESrch = 3;
    public const int EChild = 10;
    public const int ENoent = 2;
    public const int PPid = 1;
    public const int XOk = 1;
    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const int TcsaNow = 0;

    /// <summary>Apple arm64 passes variadic arguments on the stack (see Libc.ioctl_stack).</summary>
    public bool VariadicOnStack => IsDarwin && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    public static UnixConstants Current { get; } = OperatingSystem.IsMacOS() ? Darwin : Linux;

    private static UnixConstants Linux => new()
    {
        ORdWr = 0x2,
        ONoCtty = 0x100,
        OCloExec = 0x80000,
        ONonBlock = 0x800,
        FGetFl = 3,
        FSetFl = 4,
        TiocSWinSz = 0x5414,
        TiocGWinSz = 0x5413,
        TiocSCtty = 0x540E,
        SpawnSetSid = 0x80,
        SpawnSetSigDef = 0x04,
        SpawnSetSigMask = 0x08,
        SpawnCloExecDefault = 0,
        EAgain = 11,
        WExited = 4,
        WNoWait = 0x01000000,
        SigHup = 1,
        SigKill = 9,
        SigSetMask = 2,
        IsDarwin = false,
    };

    private static UnixConstants Darwin => new()
    {
        ORdWr = 0x2,
        ONoCtty = 0x20000,
        OCloExec = 0x1000000,
        ONonBlock = 0x4,
        FGetFl = 3,
        FSetFl = 4,
        TiocSWinSz = 0x80087467,
        TiocGWinSz = 0x40087468,
        TiocSCtty = 0x20007461,
        SpawnSetSid = 0x400,
        SpawnSetSigDef = 0x04,
        SpawnSetSigMask = 0x08,
        SpawnCloExecDefault = 0x4000,
        EAgain = 35,
        WExited = 4,
        WNoWait = 0x20,
        SigHup = 1,
        SigKill = 9,
        SigSetMask = 3,
        IsDarwin = true,
    };
}
