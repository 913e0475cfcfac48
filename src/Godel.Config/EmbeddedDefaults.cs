// The files compiled into Godel.Config: the documented example config and the bundled themes, so any install works.
using System.Reflection;

namespace Godel.Config;

public static class EmbeddedDefaults
{
    private const string ThemePrefix = "themes/";

    /// <summary>The text of `godel.toml.example` (every key documented, with its default).</summary>
    public static string ExampleConfig => Read("godel.toml.example")!;

    /// <summary>Names of the bundled themes (`dark`, `light`, …).</summary>
    public static IReadOnlyList<string> ThemeNames { get; } =
    [
        .. typeof(EmbeddedDefaults).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ThemePrefix, StringComparison.Ordinal) && n.EndsWith(".toml", StringComparison.Ordinal))
            .Select(n => n[ThemePrefix.Length..^".toml".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The text of a bundled theme, or null if there is none by that name.</summary>
    public static string? ThemeText(string name) => Read($"{ThemePrefix}{name}.toml");

    private static string? Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
