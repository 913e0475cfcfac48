// Builds what CreateProcessW takes: a quoted command line and a sorted UTF-16 environment block.
using System.Text;

namespace Godel.Pty.Windows;

internal static class WindowsCommandLine
{
    /// <summary>Quotes each argument so CommandLineToArgvW (and the C runtime) read back exactly the same list.</summary>
    internal static string Build(string program, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        Append(sb, program);
        foreach (var a in args)
        {
            sb.Append(' ');
            Append(sb, a);
        }
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string arg)
    {
        if (arg.Length > 0 && arg.AsSpan().IndexOfAny(" \t\n\v\"") < 0)
        {
            sb.Append(arg);
            return;
        }
        sb.Append('"');
        var backslashes = 0;
        foreach (var ch in arg)
        {
            if (ch == '\\')
            {
                backslashes++;
                continue;
            }
            // Backslashes are literal unless they precede a quote: then they are doubled, and the quote escaped.
            sb.Append('\\', ch == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            sb.Append(ch);
        }
        sb.Append('\\', backslashes * 2);
        sb.Append('"');
    }

    /// <summary>"K=V\0K=V\0\0", sorted case-insensitively as Windows expects.</summary>
    internal static string EnvironmentBlock(IEnumerable<string> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries.Order(StringComparer.OrdinalIgnoreCase))
            sb.Append(e).Append('\0');
        sb.Append('\0');
        return sb.ToString();
    }
}
