// Reads the keys of one theme file (`name`, `inherits`, `[roles]`) from its TOML tree.
using Godel.Config.Binding;
using Godel.Config.Diagnostics;
using Godel.Config.Toml;

namespace Godel.Config.Themes;

internal sealed record ThemeFile(string? Name, (string Value, ValueOrigin Origin)? Inherits, IReadOnlyDictionary<ThemeRole, ThemeStyle> Styles);

internal sealed class ThemeFileReader(List<ConfigDiagnostic> diagnostics)
{
    private static readonly string[] TopKeys = ["name", "inherits", "roles"];
    private static readonly string[] StyleKeys = ["fg", "bg", "bold", "italic", "underline", "reverse", "dim"];

    public ThemeFile Read(TomlTable table)
    {
        string? name = null;
        (string, ValueOrigin)? inherits = null;
        var styles = new Dictionary<ThemeRole, ThemeStyle>();
        foreach (var entry in table.Entries)
        {
            switch (entry.Key)
            {
                case "name" when String(entry) is { } text: name = text; break;
                case "inherits" when String(entry) is { } parent: inherits = (parent, entry.Value.Origin); break;
                case "roles" when entry.Value is TomlTable roles: ReadRoles(roles, styles); break;
                case "roles": Error(entry.Value.Origin, "[roles] must be a table of role = { fg = ..., bg = ... }"); break;
                case "name" or "inherits": break;
                default: Error(entry.KeyOrigin, $"unknown key '{entry.Key}'{Suggestions.DidYouMean(entry.Key, TopKeys)}"); break;
            }
        }

        return new ThemeFile(name, inherits, styles);
    }

    private void ReadRoles(TomlTable roles, Dictionary<ThemeRole, ThemeStyle> styles)
    {
        var byKey = Enum.GetValues<ThemeRole>().ToDictionary(r => TomlNaming.Key(r.ToString()), StringComparer.Ordinal);
        foreach (var entry in roles.Entries)
        {
            if (!byKey.TryGetValue(entry.Key, out var role))
            {
                Error(entry.KeyOrigin, $"unknown role '{entry.Key}'{Suggestions.DidYouMean(entry.Key, byKey.Keys)}");
            }
            else if (entry.Value is not TomlTable style)
            {
                Error(entry.Value.Origin, $"roles.{entry.Key}: expected a table like {{ fg = \"#ffffff\", bg = \"default\", bold = true }}");
            }
            else if (ReadStyle(entry.Key, style) is { } parsed)
            {
                styles[role] = parsed;
            }
        }
    }

    private ThemeStyle? ReadStyle(string role, TomlTable table)
    {
        var style = ThemeStyle.Plain;
        var ok = true;
        foreach (var entry in table.Entries)
        {
            switch (entry.Key)
            {
                case "fg" or "bg":
                    if (Color(role, entry) is { } color)
                    {
                        style = entry.Key == "fg" ? style with { Foreground = color } : style with { Background = color };
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case "bold" or "italic" or "underline" or "reverse" or "dim":
                    if (entry.Value is TomlScalar { Kind: TomlKind.Boolean, Value: bool flag })
                    {
                        style = Apply(style, entry.Key, flag);
                    }
                    else
                    {
                        ok = Fail(entry.Value.Origin, $"roles.{role}.{entry.Key}: expected true or false");
                    }

                    break;
                default:
                    ok = Fail(entry.KeyOrigin, $"roles.{role}: unknown key '{entry.Key}'{Suggestions.DidYouMean(entry.Key, StyleKeys)}; use {string.Join(", ", StyleKeys)}");
                    break;
            }
        }

        return ok ? style : null;
    }

    private static ThemeStyle Apply(ThemeStyle style, string key, bool flag) => key switch
    {
        "bold" => style with { Bold = flag },
        "italic" => style with { Italic = flag },
        "underline" => style with { Underline = flag },
        "reverse" => style with { Reverse = flag },
        _ => style with { Dim = flag },
    };

    private ThemeColor? Color(string role, TomlEntry entry)
    {
        if (entry.Value is TomlScalar { Kind: TomlKind.String, Value: string text } && ThemeColor.TryParse(text, out var color))
        {
            return color;
        }

        var shown = entry.Value is TomlScalar scalar ? $"'{scalar.Value}'" : TomlNode.Describe(entry.Value.Kind);
        var hint = entry.Value is TomlScalar { Value: string s } ? Suggestions.DidYouMean(s, ThemeColor.AnsiNames) : "";
        Fail(entry.Value.Origin, $"roles.{role}.{entry.Key}: {shown} is not a colour{hint}; use \"#rrggbb\", \"color(0-255)\", \"default\" or an ANSI name (red, bright_blue, …)");
        return null;
    }

    private string? String(TomlEntry entry)
    {
        if (entry.Value is TomlScalar { Kind: TomlKind.String, Value: string text })
        {
            return text;
        }

        Error(entry.Value.Origin, $"{entry.Key}: expected a string");
        return null;
    }

    private bool Fail(ValueOrigin origin, string message)
    {
        Error(origin, message);
        return false;
    }

    private void Error(ValueOrigin origin, string message) => diagnostics.Add(new ConfigDiagnostic(origin, message));
}
