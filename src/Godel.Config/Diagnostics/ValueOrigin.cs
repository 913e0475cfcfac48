// Where one configuration value came from: the built-in default, a file position, the environment or a flag.
namespace Godel.Config.Diagnostics;

/// <summary>The layer a value was set in.</summary>
public enum OriginKind
{
    Default,
    File,
    Environment,
    Flag,
}

/// <summary>
/// A value's source. Lines and columns are 1-based (what editors show); 0 means "the whole file".
/// <see cref="Name"/> is the file path, the environment variable or the flag text.
/// </summary>
public sealed record ValueOrigin(OriginKind Kind, string? Name = null, int Line = 0, int Column = 0)
{
    public static ValueOrigin Default { get; } = new(OriginKind.Default);

    public static ValueOrigin InFile(string path, int line, int column) => new(OriginKind.File, path, line, column);

    public static ValueOrigin FromEnvironment(string variable) => new(OriginKind.Environment, variable);

    public static ValueOrigin FromFlag(string flag) => new(OriginKind.Flag, flag);

    /// <summary>`default`, `path:line:col`, `env NAME` or `flag --set k=v`: the prefix of every diagnostic.</summary>
    public override string ToString() => Kind switch
    {
        OriginKind.Default => "default",
        OriginKind.File when Line > 0 => $"{Name}:{Line}:{Column}",
        OriginKind.File => Name ?? "file",
        OriginKind.Environment => $"env {Name}",
        _ => $"flag {Name}",
    };
}
