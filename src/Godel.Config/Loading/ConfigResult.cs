// The outcome of loading configuration: the effective config, where each value came from, and every problem found.
using Godel.Config.Diagnostics;
using Godel.Config.Model;
using Godel.Config.Themes;

namespace Godel.Config.Loading;

public sealed record ConfigResult(
    GodelConfig Config,
    IReadOnlyList<ConfigDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, ValueOrigin> Origins,
    IReadOnlyList<string> FilesRead,
    Theme? Theme)
{
    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>Where the value at a dotted path (`daemon.scrollback_bytes`) was set; `default` if no layer set it.</summary>
    public ValueOrigin OriginOf(string path) => Origins.GetValueOrDefault(path) ?? ValueOrigin.Default;

    /// <summary>The config, or a <see cref="ConfigException"/> listing every diagnostic: for the TUI and daemon, which refuse to guess.</summary>
    public GodelConfig GetValidOrThrow() => IsValid ? Config : throw new ConfigException(Diagnostics);
}
