// Sane termios defaults (cooked mode, UTF-8 aware) written onto a new pts, for Linux and macOS layouts.
using System.Buffers.Binary;
using System.Runtime.Versioning;

namespace Godel.Pty.Native;

[SupportedOSPlatform("linux")]
[SupportedOSPlatform("macos")]
internal static unsafe class Termios
{
    /// <summary>Applies the defaults to an open terminal descriptor; throws on failure.</summary>
    internal static void ApplySaneDefaults(int fd)
    {
        var buffer = stackalloc byte[256];
        new Span<byte>(buffer, 256).Clear();
        if (Libc.tcgetattr(fd, buffer) != 0)
            throw PtyErrors.FromErrno("tcgetattr on the new pseudo-terminal");
        var span = new Span<byte>(buffer, 256);
        if (OperatingSystem.IsMacOS())
            WriteDarwin(span);
        else
            WriteLinux(span);
        if (Libc.tcsetattr(fd, UnixConstants.TcsaNow, buffer) != 0)
            throw PtyErrors.FromErrno("tcsetattr on the new pseudo-terminal");
    }

    // Linux struct termios: four uint flags, c_line, c_cc[32]; the baud bits (CBAUD) in c_cflag are kept.
    private static void WriteLinux(Span<byte> t)
    {
        const uint brkint = 0x2, icrnl = 0x100, ixon = 0x400, imaxbel = 0x2000, iutf8 = 0x4000;
        const uint opost = 0x1, onlcr = 0x4;
        const uint cbaud = 0x100F, cs8 = 0x30, cread = 0x80, hupcl = 0x400;
        const uint isig = 0x1, icanon = 0x2, echo = 0x8, echoe = 0x10, echok = 0x20, echoctl = 0x200, echoke = 0x800, iexten = 0x8000;
        var cflag = BinaryPrimitives.ReadUInt32LittleEndian(t[8..]) & cbaud;
        WriteFlags(t, 4, brkint | icrnl | ixon | imaxbel | iutf8, opost | onlcr, cflag | cs8 | cread | hupcl,
            isig | icanon | echo | echoe | echok | echoctl | echoke | iexten);
        var cc = t.Slice(17, 32);
        cc.Clear();
        cc[0] = 0x03;  // VINTR ^C
        cc[1] = 0x1C;  // VQUIT ^\
        cc[2] = 0x7F;  // VERASE DEL
        cc[3] = 0x15;  // VKILL ^U
        cc[4] = 0x04;  // VEOF ^D
        cc[5] = 0;     // VTIME
        cc[6] = 1;     // VMIN
        cc[8] = 0x11;  // VSTART ^Q
        cc[9] = 0x13;  // VSTOP ^S
        cc[10] = 0x1A; // VSUSP ^Z
        cc[12] = 0x12; // VREPRINT ^R
        cc[13] = 0x0F; // VDISCARD ^O
        cc[14] = 0x17; // VWERASE ^W
        cc[15] = 0x16; // VLNEXT ^V
    }

    // macOS struct termios: four unsigned long flags, c_cc[20], then speeds (kept).
    private static void WriteDarwin(Span<byte> t)
    {
        const uint brkint = 0x2, icrnl = 0x100, ixon = 0x200, imaxbel = 0x2000, iutf8 = 0x4000;
        const uint opost = 0x1, onlcr = 0x2;
        const uint cs8 = 0x300, cread = 0x800, hupcl = 0x4000;
        const uint echoke = 0x1, echoe = 0x2, echok = 0x4, echo = 0x8, echoctl = 0x40, isig = 0x80, icanon = 0x100, iexten = 0x400;
        WriteFlags(t, 8, brkint | icrnl | ixon | imaxbel | iutf8, opost | onlcr, cs8 | cread | hupcl,
            isig | icanon | echo | echoe | echok | echoctl | echoke | iexten);
        var cc = t.Slice(32, 20);
        cc.Clear();
        cc[0] = 0x04;  // VEOF
        cc[3] = 0x7F;  // VERASE
        cc[4] = 0x17;  // VWERASE
        cc[5] = 0x15;  // VKILL
        cc[6] = 0x12;  // VREPRINT
        cc[8] = 0x03;  // VINTR
        cc[9] = 0x1C;  // VQUIT
        cc[10] = 0x1A; // VSUSP
        cc[11] = 0x19; // VDSUSP
        cc[12] = 0x11; // VSTART
        cc[13] = 0x13; // VSTOP
        cc[14] = 0x16; // VLNEXT
        cc[15] = 0x0F; // VDISCARD
        cc[16] = 1;    // VMIN
        cc[17] = 0;    // VTIME
    }

    private static void WriteFlags(Span<byte> t, int width, uint iflag, uint oflag, uint cflag, uint lflag)
    {
        Span<uint> flags = [iflag, oflag, cflag, lflag];
        for (var i = 0; i < 4; i++)
        {
            if (width == 4)
                BinaryPrimitives.WriteUInt32LittleEndian(t[(i * 4)..], flags[i]);
            else
                BinaryPrimitives.WriteUInt64LittleEndian(t[(i * 8)..], flags[i]);
        }
    }
}
