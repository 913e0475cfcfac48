// One line of `godel doctor`: what was checked, how it went, and how to fix it.
namespace Godel.Cli.Doctor;

public enum FindingStatus
{
    /// <summary>✓ fine.</summary>
    Ok,
    /// <summary>! works, but something optional is missing or degraded.</summary>
    Warning,
    /// <summary>✗ something Godel needs is missing or wrong: doctor exits 1.</summary>
    Problem,
}

public sealed record Finding(FindingStatus Status, string Title, string Detail, string Fix = "")
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string Mark => Status switch
    {
        FindingStatus.Ok => "✓",
        FindingStatus.Warning => "!",
        _ => "✗",
    };

    public static Finding Ok(string title, string detail) => new(FindingStatus.Ok, title, detail);

    public static Finding Warning(string title, string detail, string fix) => new(FindingStatus.Warning, title, detail, fix);

    public static Finding Problem(string title, string detail, string fix) => new(FindingStatus.Problem, title, detail, fix);
}
