// Godel's own small TOML value tree: every key and value keeps the origin it was read from.
using Godel.Config.Diagnostics;

namespace Godel.Config.Toml;

/// <summary>The shape of a TOML value, used in "expected X, found Y" messages.</summary>
internal enum TomlKind
{
    String,
    Integer,
    Float,
    Boolean,
    DateTime,
    Array,
    Table,

    /// <summary>Untyped text from an environment variable or a flag: converted to whatever the key needs.</summary>
    Text,
}

internal abstract record TomlNode(TomlKind Kind, ValueOrigin Origin)
{
    public static string Describe(TomlKind kind) => kind switch
    {
        TomlKind.Integer => "an integer",
        TomlKind.Float => "a float",
        TomlKind.Boolean => "a boolean",
        TomlKind.DateTime => "a date-time",
        TomlKind.Array => "an array",
        TomlKind.Table => "a table",
        _ => "a string",
    };
}

internal sealed record TomlScalar(TomlKind Kind, object Value, ValueOrigin Origin) : TomlNode(Kind, Origin);

internal sealed record TomlArray(IReadOnlyList<TomlNode> Items, ValueOrigin Origin) : TomlNode(TomlKind.Array, Origin);

/// <summary>One `key = value` (or sub-table) inside a table, with where the key was written.</summary>
internal sealed record TomlEntry(string Key, ValueOrigin KeyOrigin, TomlNode Value);

/// <summary>A table; entries keep their written order so diagnostics come out top to bottom.</summary>
internal sealed record TomlTable(ValueOrigin Origin) : TomlNode(TomlKind.Table, Origin)
{
    private readonly List<TomlEntry> _entries = [];

    public IReadOnlyList<TomlEntry> Entries => _entries;

    public TomlEntry? Find(string key) => _entries.Find(e => e.Key == key);

    public void Set(TomlEntry entry)
    {
        var index = _entries.FindIndex(e => e.Key == entry.Key);
        if (index >= 0)
        {
            _entries[index] = entry;
        }
        else
        {
            _entries.Add(entry);
        }
    }

    /// <summary>The sub-table at <paramref name="key"/>, created if missing; null if the key holds a non-table value.</summary>
    public TomlTable? GetOrAddTable(string key, ValueOrigin origin)
    {
        if (Find(key) is { } existing)
        {
            return existing.Value as TomlTable;
        }

        var table = new TomlTable(origin);
        _entries.Add(new TomlEntry(key, origin, table));
        return table;
    }
}
