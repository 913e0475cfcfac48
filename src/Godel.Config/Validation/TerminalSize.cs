// The `COLSxROWS` text form of a terminal size used in config (`default_size = "120x40"`).
using System.Globalization;

namespace Godel.Config.Validation;

public readonly record struct TerminalSize(int Columns, int Rows)
{
    public static bool TryParse(string text, out TerminalSize size, out string error)
    {
        size = default;
        var parts = text.Split('x');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var columns)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
        {
            error = $"'{text}' is not COLSxROWS (e.g. \"120x40\")";
            return false;
        }

        if (columns is < 10 or > 1000 || rows is < 2 or > 500)
        {
            error = $"'{text}' is out of range: 10-1000 columns and 2-500 rows";
            return false;
        }

        size = new TerminalSize(columns, rows);
        error = "";
        return true;
    }

    public override string ToString() => $"{Columns}x{Rows}";
}
