// Agent names: readable (`claude-1`, `shell-2`), unique per workspace, safe as file names.
using System.Text.RegularExpressions;
using Godel.Config.Diagnostics;

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

    /// <summary>The error for a name no agent has: the closest names (a typo is the usual cause), else how to find one.</summary>
    public static string Unknown(string name, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        if (known.Count == 0)
        {
            return $"no agent named '{name}': this workspace has no agents (`godel agent spawn` starts one)";
        }

        var close = Closest(name, known);
        return close.Count == 0
            ? $"no agent named '{name}' (see `godel agent list`)"
            : $"no agent named '{name}': did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}? (see `godel agent list`)";
    }

    /// <summary>The nearest names (up to three, case ignored) if they are within a few edits of <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        var limit = Math.Max(2, name.Length / 3); // the rule of Suggestions.Closest: a likely typo, not another word
        var near = known
            .Select(k => (Name: k, Distance: Suggestions.Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= limit)
            .ToList();
        var best = near.Count == 0 ? 0 : near.Min(k => k.Distance);
        return [.. near.Where(k => k.Distance == best).Select(k => k.Name).Order(StringComparer.Ordinal).Take(3)];
    }

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
