// Model name → providers to try, from [proxy.routes] (exact names or globs like `claude-*`).
using Godel.Proxy.Providers;

namespace Godel.Proxy.Routing;

/// <summary>
/// An exact key wins; otherwise the matching glob with the most literal characters. With no routes configured,
/// every model goes to a provider named `mock` if there is one (the embedded default).
/// </summary>
internal sealed class RouteTable(IReadOnlyDictionary<string, IReadOnlyList<string>> routes, ProviderRegistry providers)
{
    /// <summary>Providers for the model that speak OpenAI chat, in order; unknown names are skipped.</summary>
    public IReadOnlyList<ProviderEntry> Resolve(string model)
    {
        IReadOnlyList<string>? names = null;
        if (routes.Count == 0)
        {
            names = ["mock"];
        }
        else if (!routes.TryGetValue(model, out names))
        {
            names = routes.Where(r => Glob.Matches(r.Key, model))
                .OrderByDescending(r => r.Key.Count(c => c is not '*' and not '?'))
                .Select(r => r.Value)
                .FirstOrDefault();
        }
        var list = new List<ProviderEntry>();
        foreach (var name in names ?? [])
        {
            if (providers.TryGet(name, out var provider) && provider.SpeaksOpenAIChat)
            {
                list.Add(provider);
            }
        }
        return list;
    }
}

/// <summary>`*` matches any run of characters, `?` one character; everything else literally.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => Match(pattern.AsSpan(), text.AsSpan());

    private static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> t)
    {
        while (!p.IsEmpty)
        {
            if (p[0] == '*')
            {
                p = p[1..];
                for (var i = 0; i <= t.Length; i++)
                {
                    if (Match(p, t[i..]))
                    {
                        return true;
                    }
                }
                return false;
            }
            if (t.IsEmpty || (p[0] != '?' && p[0] != t[0]))
            {
                return false;
            }
            p = p[1..];
            t = t[1..];
        }
        return t.IsEmpty;
    }
}
