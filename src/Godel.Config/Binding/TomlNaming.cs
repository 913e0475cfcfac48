// How C# names map to TOML: properties are snake_case keys, enum members are kebab-case values.
using System.Reflection;
using System.Text.Json;

namespace Godel.Config.Binding;

public static class TomlNaming
{
    // Words kept whole, so OpenAICompatible reads `openai-compatible` and InputPerMTok reads `input_per_mtok`.
    private static readonly (string From, string To)[] Words = [("OpenAI", "Openai"), ("MTok", "Mtok")];

    /// <summary>`ScrollbackBytes` → `scrollback_bytes`.</summary>
    public static string Key(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(KeepWords(propertyName));

    public static string Key(PropertyInfo property) => Key(property.Name);

    /// <summary>`PromptMode.Argument` → `argument`, `ProviderType.OpenAICompatible` → `openai-compatible`.</summary>
    public static string EnumValue(Enum value) => EnumValue(value.ToString());

    public static string EnumValue(string memberName) => JsonNamingPolicy.KebabCaseLower.ConvertName(KeepWords(memberName));

    /// <summary>Every TOML spelling of an enum type's members, in declaration order.</summary>
    public static IReadOnlyList<string> EnumValues(Type enumType) => [.. Enum.GetNames(enumType).Select(EnumValue)];

    /// <summary>A key as written in a dotted path: bare when possible, quoted otherwise (`"gpt-4.1"`).</summary>
    public static string PathSegment(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : $"\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    public static string Join(string parent, string key) => parent.Length == 0 ? PathSegment(key) : $"{parent}.{PathSegment(key)}";

    private static string KeepWords(string name)
    {
        foreach (var (from, to) in Words)
        {
            name = name.Replace(from, to, StringComparison.Ordinal);
        }

        return name;
    }
}
