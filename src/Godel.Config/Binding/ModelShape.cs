// What kind of TOML value each model property takes, decided from its CLR type once.
using System.Reflection;

namespace Godel.Config.Binding;

internal static class ModelShape
{
    /// <summary>A configuration section: a record from the model namespace (a TOML table with fixed keys).</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Model.GodelConfig).Namespace;

    /// <summary>Value type of `IReadOnlyDictionary&lt;string, V&gt;` (a table with free keys), or null.</summary>
    public static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? type.GetGenericArguments()[1] : null;

    /// <summary>Element type of `IReadOnlyList&lt;T&gt;`, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>The settable configuration properties of a section, by TOML key.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Properties(Type section) =>
        section.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(TomlNaming.Key, StringComparer.Ordinal);

    /// <summary>A shallow copy of a section record (through the compiler's clone method), so defaults are never mutated.</summary>
    public static object Clone(object section)
    {
        var clone = section.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance);
        return clone is null ? section : clone.Invoke(section, null)!;
    }

    public static object NewSection(Type type) => Activator.CreateInstance(type)!;
}
