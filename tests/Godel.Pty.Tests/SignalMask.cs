// Reads a signal set line (SigIgn, SigBlk…) of /proc/PID/status from captured output.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Godel.Pty.Tests;

internal static class SignalMask
{
    /// <summary>The bits for the standard signals 1-31 of the named line.</summary>
    internal static ulong Standard(string text, string name)
    {
        var m = Regex.Match(text, name + @":\s+([0-9a-f]+)");
        Assert.True(m.Success, text);
        return ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x7FFFFFFFUL;
    }
}
