// Renders the effective configuration as TOML, each value followed by a comment saying where it came from.
using System.Globalization;
using System.Text;
using Godel.Config.Binding;
using Godel.Config.Diagnostics;

namespace Godel.Config.Loading;

/// <summary>The text of `godel config show`: valid TOML, so it can be copied into a file.</summary>
public static class EffectiveConfigWriter
{
    public static string Write(ConfigResult result)
    {
        var output = new StringBuilder();
        WriteSection(output, result, result.Config, "");
        return output.ToString().TrimEnd() + "\n";
    }

    private static void WriteSection(StringBuilder output, ConfigResult result, object section, string path)
    {
        var lines = new List<(string Text, ValueOrigin Origin)>();
        var children = new List<(string Path, object Value, bool IsSectionMap)>();
        foreach (var (key, property) in ModelShape.Properties(section.GetType()))
        {
            var childPath = TomlNaming.Join(path, key);
            var value = property.GetValue(section);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (ModelShape.IsSection(type) && value is not null)
            {
                children.Add((childPath, value, false));
            }
            else if (ModelShape.DictionaryValue(type) is not null && value is not null)
            {
                children.Add((childPath, value, true));
            }
            else
            {
                var text = value is null ? $"# {key} is not set" : $"{key} = {Format(value)}";
                lines.Add((text, result.OriginOf(childPath)));
            }
        }

        if (lines.Count > 0)
        {
            if (path.Length > 0)
            {
                output.Append('[').Append(path).Append("]\n");
            }

            AppendAligned(output, lines);
            output.Append('\n');
        }

        foreach (var (childPath, value, isMap) in children)
        {
            if (isMap)
            {
                WriteMap(output, result, (System.Collections.IEnumerable)value, childPath);
            }
            else
            {
                WriteSection(output, result, value, childPath);
            }
        }
    }

    private static void WriteMap(StringBuilder output, ConfigResult result, System.Collections.IEnumerable map, string path)
    {
        var lines = new List<(string Text, ValueOrigin Origin)>();
        foreach (var pair in map)
        {
            var key = (string)pair.GetType().GetProperty("Key")!.GetValue(pair)!;
            var value = pair.GetType().GetProperty("Value")!.GetValue(pair)!;
            var itemPath = TomlNaming.Join(path, key);
            if (ModelShape.IsSection(value.GetType()))
            {
                WriteSection(output, result, value, itemPath);
            }
            else
            {
                lines.Add(($"{TomlNaming.PathSegment(key)} = {Format(value)}", result.OriginOf(itemPath)));
            }
        }

        if (lines.Count > 0)
        {
            output.Append('[').Append(path).Append("]\n");
            AppendAligned(output, lines);
            output.Append('\n');
        }
    }

    private static void AppendAligned(StringBuilder output, List<(string Text, ValueOrigin Origin)> lines)
    {
        var width = lines.Max(l => l.Text.Length) + 2;
        foreach (var (text, origin) in lines)
        {
            output.Append(text.PadRight(width)).Append("# ").Append(origin).Append('\n');
        }
    }

    /// <summary>A value in TOML syntax.</summary>
    public static string Format(object value) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        Enum e => Quote(TomlNaming.EnumValue(e)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Format)) + "]",
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
