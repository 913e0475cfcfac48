// godel.toml.example documents every key of the model, with defaults that match the model's.
using System.Reflection;
using System.Text.RegularExpressions;
using Godel.Config.Binding;
using Godel.Config.Loading;
using Godel.Config.Model;

namespace Godel.Config.Tests;

public sealed partial class ExampleConfigTests
{
    private static readonly string Example = EmbeddedDefaults.ExampleConfig;

    /// <summary>The example with its optional settings switched on: `#key = …` → `key = …`.</summary>
    private static string Uncommented => OptionalSetting().Replace(Example, "");

    [Fact]
    public void The_example_as_shipped_loads_to_exactly_the_defaults()
    {
        var result = ConfigLoader.LoadText(Example, "godel.toml.example");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(ValuesOnly(GodelConfig.Default), ValuesOnly(result.Config));
    }

    [Fact]
    public void The_example_with_every_optional_setting_switched_on_is_valid()
    {
        var result = ConfigLoader.LoadText(Uncommented, "godel.toml.example (uncommented)");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Every_key_of_the_model_appears_in_the_example()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Uncommented);
            ConfigLoader.Load(new ConfigSources { RepoConfigPath = file }, out var visited);

            var missing = SchemaPaths(typeof(GodelConfig), "").Where(p => !visited.Contains(p)).ToList();

            Assert.True(missing.Count == 0, "undocumented in godel.toml.example: " + string.Join(", ", missing));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_setting_in_the_example_has_an_explanation()
    {
        var lines = Uncommented.Split('\n');
        var undocumented = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var isSetting = Setting().IsMatch(lines[i]);
            var explained = i > 0 && lines[i - 1].StartsWith("# ", StringComparison.Ordinal);
            if (isSetting && !explained && !lines[i].Contains(" # ", StringComparison.Ordinal))
            {
                undocumented.Add($"line {i + 1}: {lines[i]}");
            }
        }

        Assert.True(undocumented.Count == 0, "settings without a comment just above:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public void The_schema_walk_finds_nested_keys()
    {
        var paths = SchemaPaths(typeof(GodelConfig), "").ToList();

        Assert.Contains("runtimes.*.prompt_patterns", paths);
        Assert.Contains("proxy.providers.*.api_key_env", paths);
        Assert.Contains("proxy.pricing.*.input_per_mtok", paths);
        Assert.Contains("daemon.default_size", paths);
    }

    /// <summary>Every key path of the model by reflection; entries of dictionaries of sections appear as `*`.</summary>
    private static IEnumerable<string> SchemaPaths(Type section, string prefix)
    {
        foreach (var property in section.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var path = prefix + TomlNaming.Key(property);
            yield return path;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var dictionaryValue = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? type.GetGenericArguments()[1] : null;
            var nested = dictionaryValue is not null && IsSection(dictionaryValue) ? (dictionaryValue, path + ".*.")
                : IsSection(type) ? (type, path + ".") : default;
            if (nested.Item1 is not null)
            {
                foreach (var child in SchemaPaths(nested.Item1, nested.Item2))
                {
                    yield return child;
                }
            }
        }
    }

    private static bool IsSection(Type type) => type.IsClass && type.Namespace == typeof(GodelConfig).Namespace;

    private static string ValuesOnly(GodelConfig config) =>
        EffectiveConfigWriter.Write(new ConfigResult(config, [], new Dictionary<string, Diagnostics.ValueOrigin>(), [], null));

    [GeneratedRegex(@"^#(?=[\[a-z""])", RegexOptions.Multiline)]
    private static partial Regex OptionalSetting();

    [GeneratedRegex(@"^(""[^""]+""|[a-z_]+)\s*=")]
    private static partial Regex Setting();
}
