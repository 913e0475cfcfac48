// Agent names: readable (`claude-1`, `shell-2`), unique per workspace, safe as file names.
using System.Text.RegularExpressions;

namespace Godel.Daemon.Agents;

internal static partial class AgentNames
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex Valid();

    /// <summary>Null when usable, else what is wrong with it.</summary>
    public static string? Problem(string name) =>
        Valid().IsMatch(name)
            ? null
            : $"agent name '{name}' is not valid: use letters, digits, '.', '_' or '-' (up to 63, starting with a letter or digit)";

    /// <summary>`runtime-N` with the smallest N not taken.</summary>
    public static string Next(string runtime, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var stem = Valid().IsMatch(runtime) ? runtime : "agent";
        for (var n = 1; ; n++)
        {
            var name = $"{stem}-{n}";
            if (!taken(name))
            {
                return name;
            }
        }
    }
}
