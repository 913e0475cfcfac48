// Turns `section.key = text` overrides (environment, flags) into a TOML tree the binder applies like a file.
using Godel.Config.Diagnostics;
using Godel.Config.Toml;

namespace Godel.Config.Loading;

internal static class OverrideTable
{
    public static TomlTable? Build(IReadOnlyList<ConfigOverride> overrides, List<ConfigDiagnostic> diagnostics)
    {
        if (overrides.Count == 0)
        {
            return null;
        }

        var root = new TomlTable(ValueOrigin.Default);
        foreach (var item in overrides)
        {
            if (item.Path.Length == 0)
            {
                diagnostics.Add(new ConfigDiagnostic(item.Origin, "expected KEY=VALUE, e.g. --set tui.theme=light"));
                continue;
            }

            var parts = SplitPath(item.Path);
            if (parts is null)
            {
                diagnostics.Add(new ConfigDiagnostic(item.Origin, $"'{item.Path}' is not a key path like tui.theme or daemon.scrollback_bytes"));
                continue;
            }

            var table = root;
            foreach (var part in parts[..^1])
            {
                table = table?.GetOrAddTable(part, item.Origin);
            }

            if (table is null)
            {
                diagnostics.Add(new ConfigDiagnostic(item.Origin, $"'{item.Path}' conflicts with another override"));
                continue;
            }

            table.Set(new TomlEntry(parts[^1], item.Origin, new TomlScalar(TomlKind.Text, item.Value, item.Origin)));
        }

        return root;
    }

    /// <summary>`proxy.pricing."gpt-4.1".input_per_mtok` → its keys; null when malformed.</summary>
    private static List<string>? SplitPath(string path)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            string part;
            if (path[i] == '"')
            {
                var close = path.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return null;
                }

                part = path[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var dot = path.IndexOf('.', i);
                var end = dot < 0 ? path.Length : dot;
                part = path[i..end];
                i = end;
            }

            if (part.Length == 0 || (i < path.Length && path[i] != '.'))
            {
                return null;
            }

            parts.Add(part);
            i++;
        }

        return parts.Count == 0 || path.EndsWith('.') ? null : parts;
    }
}
