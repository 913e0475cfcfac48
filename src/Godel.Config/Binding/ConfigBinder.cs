// Applies one layer's TOML tree onto the typed model: unknown keys, wrong types and bad enum values become diagnostics.
using System.Globalization;
using System.Reflection;
using Godel.Config.Diagnostics;
using Godel.Config.Toml;

namespace Godel.Config.Binding;

/// <summary>
/// Binds layer after layer onto copies of the model records (never mutating the defaults). Records the origin of every
/// value it sets by dotted path, and the schema paths it visited (`runtimes.*.command`) for the documentation test.
/// </summary>
internal sealed class ConfigBinder
{
    private readonly List<ConfigDiagnostic> _diagnostics;
    private readonly Dictionary<string, ValueOrigin> _origins;

    public ConfigBinder(List<ConfigDiagnostic> diagnostics, Dictionary<string, ValueOrigin> origins)
    {
        _diagnostics = diagnostics;
        _origins = origins;
    }

    public HashSet<string> VisitedSchemaPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Returns a copy of <paramref name="current"/> with the table's values applied.</summary>
    public T Bind<T>(T current, TomlTable table)
        where T : class => (T)BindSection(typeof(T), table, current, "", "");

    private object BindSection(Type type, TomlTable table, object current, string path, string schema)
    {
        var target = ModelShape.Clone(current);
        var properties = ModelShape.Properties(type);
        foreach (var entry in table.Entries)
        {
            if (!properties.TryGetValue(entry.Key, out var property))
            {
                ReportUnknownKey(entry, path, properties.Keys);
                continue;
            }

            var childPath = TomlNaming.Join(path, entry.Key);
            var childSchema = TomlNaming.Join(schema, entry.Key);
            VisitedSchemaPaths.Add(childSchema);
            if (Convert(property.PropertyType, entry.Value, property.GetValue(target), childPath, childSchema, out var value))
            {
                property.SetValue(target, value);
            }
        }

        return target;
    }

    private void ReportUnknownKey(TomlEntry entry, string path, IEnumerable<string> known)
    {
        var where = path.Length == 0 ? "at the top level" : $"in [{path}]";
        var hint = Suggestions.DidYouMean(entry.Key, known);
        if (hint.Length == 0)
        {
            hint = $"; known keys: {string.Join(", ", known)}";
        }

        _diagnostics.Add(new ConfigDiagnostic(entry.KeyOrigin, $"unknown key '{entry.Key}' {where}{hint}"));
    }

    private bool Convert(Type type, TomlNode node, object? current, string path, string schema, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (node.Kind == TomlKind.Text && underlying != typeof(string))
        {
            node = ParseText((TomlScalar)node);
        }

        if (ModelShape.IsSection(underlying))
        {
            if (!Expect(node, TomlKind.Table, path))
            {
                return false;
            }

            _origins[path] = node.Origin;
            value = BindSection(underlying, (TomlTable)node, current ?? ModelShape.NewSection(underlying), path, schema);
            return true;
        }

        if (ModelShape.DictionaryValue(underlying) is { } valueType)
        {
            return ConvertDictionary(valueType, node, current, path, schema, out value);
        }

        if (ModelShape.ListElement(underlying) is { } elementType)
        {
            return ConvertList(elementType, node, path, out value);
        }

        if (ConvertScalar(underlying, node, path, out value))
        {
            _origins[path] = node.Origin;
            return true;
        }

        return false;
    }

    private bool ConvertDictionary(Type valueType, TomlNode node, object? current, string path, string schema, out object? value)
    {
        value = null;
        if (!Expect(node, TomlKind.Table, path))
        {
            return false;
        }

        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType);
        var result = (System.Collections.IDictionary)Activator.CreateInstance(dictionaryType, StringComparer.Ordinal)!;
        if (current is System.Collections.IEnumerable existing)
        {
            foreach (var pair in existing)
            {
                var key = (string)pair.GetType().GetProperty("Key")!.GetValue(pair)!;
                result[key] = pair.GetType().GetProperty("Value")!.GetValue(pair);
            }
        }

        _origins[path] = node.Origin;
        var itemSchema = schema + ".*";
        foreach (var entry in ((TomlTable)node).Entries)
        {
            var itemPath = TomlNaming.Join(path, entry.Key);
            var previous = result.Contains(entry.Key) ? result[entry.Key] : null;
            if (ModelShape.IsSection(valueType))
            {
                previous ??= ModelShape.NewSection(valueType);
            }

            if (Convert(valueType, entry.Value, previous, itemPath, itemSchema, out var item))
            {
                result[entry.Key] = item;
            }
        }

        value = result;
        return true;
    }

    private bool ConvertList(Type elementType, TomlNode node, string path, out object? value)
    {
        value = null;
        if (!Expect(node, TomlKind.Array, path))
        {
            return false;
        }

        var items = ((TomlArray)node).Items;
        var list = Array.CreateInstance(elementType, items.Count);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (ConvertScalar(elementType, items[i], itemPath, out var item))
            {
                list.SetValue(item, i);
                _origins[itemPath] = items[i].Origin;
            }
            else
            {
                ok = false;
            }
        }

        _origins[path] = node.Origin;
        value = list;
        return ok;
    }

    private bool ConvertScalar(Type type, TomlNode node, string path, out object? value)
    {
        value = null;
        var scalar = node as TomlScalar;
        if (type == typeof(string))
        {
            if (scalar is { Kind: TomlKind.String or TomlKind.Text })
            {
                value = (string)scalar.Value;
                return true;
            }

            return Mismatch(node, "a string", path);
        }

        if (type.IsEnum)
        {
            return ConvertEnum(type, node, path, out value);
        }

        if (type == typeof(bool))
        {
            value = scalar is { Kind: TomlKind.Boolean } ? scalar.Value : null;
            return value is not null || Mismatch(node, "a boolean (true or false)", path);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return ConvertInteger(type, node, path, out value);
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            if (scalar is { Kind: TomlKind.Integer or TomlKind.Float })
            {
                var number = System.Convert.ToDouble(scalar.Value, CultureInfo.InvariantCulture);
                value = type == typeof(decimal) ? (decimal)number : number;
                return true;
            }

            return Mismatch(node, "a number", path);
        }

        _diagnostics.Add(new ConfigDiagnostic(node.Origin, $"{path}: values of type {type.Name} are not supported by the config loader"));
        return false;
    }

    private bool ConvertInteger(Type type, TomlNode node, string path, out object? value)
    {
        value = null;
        if (node is not TomlScalar { Kind: TomlKind.Integer } scalar)
        {
            return Mismatch(node, "an integer", path);
        }

        var number = (long)scalar.Value;
        if (type == typeof(int) && (number < int.MinValue || number > int.MaxValue))
        {
            _diagnostics.Add(new ConfigDiagnostic(node.Origin, $"{path}: {number} is too large (at most {int.MaxValue})"));
            return false;
        }

        value = type == typeof(int) ? (object)(int)number : number;
        return true;
    }

    private bool ConvertEnum(Type type, TomlNode node, string path, out object? value)
    {
        value = null;
        if (node is not TomlScalar { Kind: TomlKind.String or TomlKind.Text } scalar)
        {
            return Mismatch(node, "a string", path);
        }

        var text = (string)scalar.Value;
        var allowed = TomlNaming.EnumValues(type);
        var index = allowed.ToList().IndexOf(text);
        if (index < 0)
        {
            var hint = Suggestions.DidYouMean(text, allowed);
            _diagnostics.Add(new ConfigDiagnostic(node.Origin, $"{path}: '{text}' is not one of {string.Join(", ", allowed)}{hint}"));
            return false;
        }

        value = Enum.Parse(type, Enum.GetNames(type)[index]);
        return true;
    }

    private bool Expect(TomlNode node, TomlKind kind, string path) =>
        node.Kind == kind || Mismatch(node, TomlNode.Describe(kind), path);

    private bool Mismatch(TomlNode node, string expected, string path)
    {
        _diagnostics.Add(new ConfigDiagnostic(node.Origin, $"{path}: expected {expected}, found {TomlNode.Describe(node.Kind)}"));
        return false;
    }

    // Environment and flag values are text: read them as a TOML value when they parse as one, else as a string.
    private static TomlNode ParseText(TomlScalar text)
    {
        var scratch = new List<ConfigDiagnostic>();
        var table = TomlDocumentReader.Read($"v = {(string)text.Value}", text.Origin.Name ?? "", scratch);
        if (table?.Find("v") is { } entry && scratch.Count == 0)
        {
            return Reorigin(entry.Value, text.Origin);
        }

        return new TomlScalar(TomlKind.String, text.Value, text.Origin);
    }

    private static TomlNode Reorigin(TomlNode node, ValueOrigin origin) => node switch
    {
        TomlScalar s => s with { Origin = origin },
        TomlArray a => new TomlArray([.. a.Items.Select(i => Reorigin(i, origin))], origin),
        _ => node,
    };
}
