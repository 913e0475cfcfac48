// Thrown when configuration cannot be used: carries every diagnostic, not just the first.
namespace Godel.Config.Diagnostics;

/// <summary>Invalid configuration. The message lists every diagnostic, one per line.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public ConfigException()
        : this([])
    {
    }

    public ConfigException(string message)
        : this([new ConfigDiagnostic(ValueOrigin.Default, message)])
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [new ConfigDiagnostic(ValueOrigin.Default, message)];
    }

    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }
}
