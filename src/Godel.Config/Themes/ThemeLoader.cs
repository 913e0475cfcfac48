// Finds a theme by name or path and reads it into a complete Theme, reporting every problem as file:line:col.
using Godel.Config.Binding;
using Godel.Config.Diagnostics;
using Godel.Config.Toml;

namespace Godel.Config.Themes;

/// <summary>A theme, or the diagnostics explaining why it could not be loaded.</summary>
public sealed record ThemeResult(Theme? Theme, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool IsValid => Theme is not null && Diagnostics.Count == 0;
}

/// <summary>
/// Resolves `tui.theme`: a path (contains `/` or ends in `.toml`), else `USER_THEMES/NAME.toml`, else a bundled theme.
/// A theme must style every role unless it says `inherits = "other"`, whose styles fill the gaps.
/// </summary>
public static class ThemeLoader
{
    private const int MaxInheritance = 8;

    public static IReadOnlyList<string> RoleKeys { get; } = [.. Enum.GetNames<ThemeRole>().Select(TomlNaming.Key)];

    /// <summary>Loads a theme. <paramref name="userThemesDir"/> may be null; relative paths resolve from <paramref name="baseDir"/>.</summary>
    public static ThemeResult Load(string nameOrPath, string? userThemesDir = null, string? baseDir = null) =>
        Load(nameOrPath, userThemesDir, baseDir, ValueOrigin.Default, 0);

    /// <summary>Parses theme text directly (for tests and tools); <paramref name="sourceName"/> labels diagnostics.</summary>
    public static ThemeResult Parse(string text, string sourceName, string? userThemesDir = null) =>
        ParseText(text, sourceName, userThemesDir, null, 0);

    private static ThemeResult Load(string nameOrPath, string? userThemesDir, string? baseDir, ValueOrigin requestedAt, int depth)
    {
        if (depth > MaxInheritance)
        {
            return Fail(requestedAt, $"theme '{nameOrPath}': inheritance is more than {MaxInheritance} levels deep (a cycle?)");
        }

        var isPath = nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.EndsWith(".toml", StringComparison.Ordinal);
        var file = isPath
            ? Path.GetFullPath(nameOrPath, baseDir ?? Directory.GetCurrentDirectory())
            : userThemesDir is null ? null : Path.Combine(userThemesDir, nameOrPath + ".toml");
        if (file is not null && File.Exists(file))
        {
            try
            {
                return ParseText(File.ReadAllText(file), file, userThemesDir, Path.GetDirectoryName(file), depth);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(ValueOrigin.InFile(file, 0, 0), $"cannot read theme: {e.Message}");
            }
        }

        if (!isPath && EmbeddedDefaults.ThemeText(nameOrPath) is { } bundled)
        {
            return ParseText(bundled, $"themes/{nameOrPath}.toml (bundled)", userThemesDir, null, depth);
        }

        var hint = isPath ? "" : Suggestions.DidYouMean(nameOrPath, AvailableNames(userThemesDir));
        var what = isPath ? $"theme file '{file}' does not exist" : $"unknown theme '{nameOrPath}'{hint}; available: {string.Join(", ", AvailableNames(userThemesDir))}";
        return Fail(requestedAt, what);
    }

    /// <summary>Bundled theme names plus any `*.toml` in the user's themes folder.</summary>
    public static IReadOnlyList<string> AvailableNames(string? userThemesDir)
    {
        var names = new SortedSet<string>(EmbeddedDefaults.ThemeNames, StringComparer.Ordinal);
        if (userThemesDir is not null && Directory.Exists(userThemesDir))
        {
            names.UnionWith(Directory.EnumerateFiles(userThemesDir, "*.toml").Select(f => Path.GetFileNameWithoutExtension(f)));
        }

        return [.. names];
    }

    private static ThemeResult ParseText(string text, string sourceName, string? userThemesDir, string? baseDir, int depth)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var table = TomlDocumentReader.Read(text, sourceName, diagnostics);
        if (table is null)
        {
            return new ThemeResult(null, diagnostics);
        }

        var reader = new ThemeFileReader(diagnostics);
        var file = reader.Read(table);
        var styles = new Dictionary<ThemeRole, ThemeStyle>(file.Styles);
        if (file.Inherits is { } parentName)
        {
            var parent = Load(parentName.Value, userThemesDir, baseDir, parentName.Origin, depth + 1);
            diagnostics.AddRange(parent.Diagnostics);
            foreach (var (role, style) in parent.Theme?.Styles ?? new Dictionary<ThemeRole, ThemeStyle>())
            {
                styles.TryAdd(role, style);
            }
        }
        else
        {
            var missing = Enum.GetValues<ThemeRole>().Where(r => !styles.ContainsKey(r)).Select(r => TomlNaming.Key(r.ToString())).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(new ConfigDiagnostic(table.Origin with { Line = 0, Column = 0 },
                    $"theme does not style {string.Join(", ", missing)}; add them under [roles] or set inherits = \"dark\""));
            }
        }

        var name = file.Name ?? Path.GetFileNameWithoutExtension(sourceName.Split(' ')[0]);
        return new ThemeResult(diagnostics.Count == 0 ? new Theme(name, styles) : null, diagnostics);
    }

    private static ThemeResult Fail(ValueOrigin origin, string message) => new(null, [new ConfigDiagnostic(origin, message)]);
}
