// Doctor check for the terminal: TERM, how many colours it has (matched against the theme) and a UTF-8 locale.
namespace Godel.Cli.Doctor;

internal static class TerminalCheck
{
    public static IReadOnlyList<Finding> Check(DoctorContext context, bool outputIsTerminal)
    {
        return [Term(context, outputIsTerminal), Colours(context), Locale(context)];
    }

    private static Finding Term(DoctorContext context, bool outputIsTerminal)
    {
        var term = context.Env("TERM");
        if (term is null or "dumb")
        {
            return Finding.Warning("terminal", $"TERM is {term ?? "not set"}: `godel tui` needs a real terminal", "run from a terminal emulator, or export TERM=xterm-256color");
        }

        return Finding.Ok("terminal", outputIsTerminal ? $"TERM={term}" : $"TERM={term} (output is redirected)");
    }

    private static Finding Colours(DoctorContext context)
    {
        var term = context.Env("TERM") ?? "";
        var colorterm = context.Env("COLORTERM") ?? "";
        var colours = colorterm is "truecolor" or "24bit" ? "24-bit colour"
            : term.Contains("256color", StringComparison.Ordinal) ? "256 colours"
            : "16 colours";
        var theme = context.Config.Theme;
        if (colours == "16 colours" && theme is { IsAnsi16: false })
        {
            return Finding.Warning("colours", $"{colours}, but theme '{theme.Name}' uses more", "set tui.theme = \"basic16\" in godel.toml (or export COLORTERM=truecolor if your terminal has it)");
        }

        return Finding.Ok("colours", $"{colours}{(theme is null ? "" : $", theme {theme.Name}")}");
    }

    private static Finding Locale(DoctorContext context)
    {
        var (name, value) = new[] { "LC_ALL", "LC_CTYPE", "LANG" }
            .Select(n => (n, context.Env(n)))
            .FirstOrDefault(p => p.Item2 is not null);
        var isUtf8 = value is not null && (value.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || value.Contains("utf8", StringComparison.OrdinalIgnoreCase));
        return isUtf8
            ? Finding.Ok("locale", $"{name}={value}")
            : Finding.Warning("locale", value is null ? "no LANG/LC_ALL set: not UTF-8" : $"{name}={value} is not UTF-8", "export LANG=C.UTF-8 (borders and wide characters need UTF-8)");
    }
}
