// One problem found while loading configuration or a theme, with the place it points at.
namespace Godel.Config.Diagnostics;

/// <summary>An error in a config or theme source; prints as `file:line:col: message`.</summary>
public sealed record ConfigDiagnostic(ValueOrigin Origin, string Message)
{
    public override string ToString() => $"{Origin}: {Message}";
}
