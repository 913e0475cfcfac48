// Loads the configuration layers in order, binds them onto the typed model and validates the result.
using Godel.Config.Binding;
using Godel.Config.Diagnostics;
using Godel.Config.Model;
using Godel.Config.Themes;
using Godel.Config.Toml;
using Godel.Config.Validation;

namespace Godel.Config.Loading;

public static class ConfigLoader
{
    /// <summary>Reads every layer; never throws for bad input: problems are in <see cref="ConfigResult.Diagnostics"/>.</summary>
    public static ConfigResult Load(ConfigSources sources) => Load(sources, out _);

    /// <summary>Loads and throws <see cref="ConfigException"/> when anything is wrong.</summary>
    public static GodelConfig LoadOrThrow(ConfigSources sources) => Load(sources).GetValidOrThrow();

    /// <summary>Parses one TOML text as the only layer (tests, `godel init` checking what it wrote).</summary>
    public static ConfigResult LoadText(string text, string sourceName) =>
        LoadLayers([(sourceName, text)], [], null, null, out _);

    internal static ConfigResult Load(ConfigSources sources, out IReadOnlySet<string> visitedSchemaPaths)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var texts = new List<(string Path, string Text)>();
        foreach (var path in new[] { sources.UserConfigPath, sources.RepoConfigPath })
        {
            if (path is not null && ReadFile(path, diagnostics) is { } text)
            {
                texts.Add((path, text));
            }
        }

        var result = LoadLayers(texts, sources.Overrides, sources.UserThemesDir, sources.WorkingDirectory, out visitedSchemaPaths);
        return result with { Diagnostics = [.. diagnostics, .. result.Diagnostics] };
    }

    internal static ConfigResult LoadLayers(IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<ConfigOverride> overrides,
        string? userThemesDir, string? workingDirectory, out IReadOnlySet<string> visitedSchemaPaths)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var origins = new Dictionary<string, ValueOrigin>(StringComparer.Ordinal);
        var binder = new ConfigBinder(diagnostics, origins);
        var config = GodelConfig.Default;
        foreach (var (path, text) in files)
        {
            if (TomlDocumentReader.Read(text, path, diagnostics) is { } table)
            {
                config = binder.Bind(config, table);
            }
        }

        if (OverrideTable.Build(overrides, diagnostics) is { } overrideTable)
        {
            config = binder.Bind(config, overrideTable);
        }

        new ConfigValidator(origins, diagnostics).Validate(config);
        var theme = LoadTheme(config, origins, userThemesDir, workingDirectory, diagnostics);
        visitedSchemaPaths = binder.VisitedSchemaPaths;
        return new ConfigResult(config, diagnostics, origins, [.. files.Select(f => f.Path)], theme);
    }

    private static Theme? LoadTheme(GodelConfig config, Dictionary<string, ValueOrigin> origins, string? userThemesDir, string? workingDirectory, List<ConfigDiagnostic> diagnostics)
    {
        var origin = origins.GetValueOrDefault("tui.theme") ?? ValueOrigin.Default;
        // A relative theme path written in a file resolves from that file's folder.
        var baseDir = origin.Kind == OriginKind.File ? Path.GetDirectoryName(origin.Name) : workingDirectory;
        var result = ThemeLoader.Load(config.Tui.Theme, userThemesDir, baseDir);
        foreach (var diagnostic in result.Diagnostics)
        {
            // "unknown theme" has no position of its own: point at the tui.theme that asked for it.
            var at = diagnostic.Origin.Kind == OriginKind.Default ? origin : diagnostic.Origin;
            diagnostics.Add(diagnostic with { Origin = at, Message = at == origin ? $"tui.theme: {diagnostic.Message}" : diagnostic.Message });
        }

        return result.Theme;
    }

    private static string? ReadFile(string path, List<ConfigDiagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            // Not silently skipped: the user meant a config file there.
            diagnostics.Add(new ConfigDiagnostic(ValueOrigin.InFile(path, 0, 0), "cannot read: it is a directory, not a TOML file (move it away or turn it into a file)"));
            return null;
        }

        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ConfigDiagnostic(ValueOrigin.InFile(path, 0, 0), $"cannot read: {e.Message}"));
            return null;
        }
    }
}
