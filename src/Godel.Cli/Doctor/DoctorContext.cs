// What the doctor's checks look at: the environment (PATH, TERM, locale), the working folder and the loaded config.
using Godel.Config.Loading;
using Godel.Workspace;

namespace Godel.Cli.Doctor;

public sealed record DoctorContext(
    IReadOnlyDictionary<string, string?> Environment,
    string WorkingDirectory,
    WorkspaceLocation? Workspace,
    ConfigResult Config)
{
    /// <summary>How long a tool may take to print its version before it counts as broken.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string? Env(string name) => Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
