// Bead and convoy ids: generating fresh ones and resolving what users type (any unique prefix).
using System.Security.Cryptography;

namespace Godel.Beads.Store;

/// <summary>Ids are `&lt;prefix&gt;-` + 5 random chars of [0-9a-z]; convoys use `&lt;prefix&gt;-cv-`.</summary>
public static class BeadIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    public const int RandomLength = 5;

    public static string New(string prefix, Func<string, bool> inUse, bool convoy = false)
    {
        var head = convoy ? $"{prefix}-cv-" : $"{prefix}-";
        while (true)
        {
            var id = head + RandomNumberGenerator.GetString(Alphabet, RandomLength);
            if (!inUse(id)) return id;
        }
    }

    /// <summary>
    /// Finds the one id <paramref name="input"/> names: an exact id, or a unique prefix of an id or of its random part
    /// (`a3f`, `godel-a3f`). Throws NotFound (with close matches) or Ambiguous (with candidates).
    /// </summary>
    public static string Resolve(string input, IReadOnlyCollection<string> ids, string kind = "bead")
    {
        var wanted = input.Trim().ToLowerInvariant();
        if (wanted.Length == 0) throw new BeadStoreException($"empty {kind} id", BeadErrorKind.InvalidInput);
        if (ids.Contains(wanted)) return wanted;
        var matches = ids.Where(id => id.StartsWith(wanted, StringComparison.Ordinal) || RandomPart(id).StartsWith(wanted, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
        {
            throw new BeadStoreException(
                $"{kind} id '{input}' is ambiguous: {string.Join(", ", matches.Take(10))}{(matches.Count > 10 ? ", …" : "")}",
                BeadErrorKind.Ambiguous);
        }
        var close = CloseMatches(wanted, ids);
        var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "";
        throw new BeadStoreException($"no {kind} {input}{hint}", BeadErrorKind.NotFound);
    }

    /// <summary>The shortest form of each id that stays unique (at least 3 random chars), for tables.</summary>
    public static Dictionary<string, string> Shortened(IEnumerable<string> ids)
    {
        var all = ids.Order(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var need = 3;
            if (i > 0) need = Math.Max(need, CommonPrefix(all[i], all[i - 1]) + 1 - (all[i].Length - RandomPart(all[i]).Length));
            if (i + 1 < all.Count) need = Math.Max(need, CommonPrefix(all[i], all[i + 1]) + 1 - (all[i].Length - RandomPart(all[i]).Length));
            var random = RandomPart(all[i]);
            result[all[i]] = need >= random.Length ? all[i] : all[i][..(all[i].Length - random.Length + need)];
        }
        return result;
    }

    public static string RandomPart(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash < 0 ? id : id[(dash + 1)..];
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    private static List<string> CloseMatches(string wanted, IEnumerable<string> ids)
    {
        var random = RandomPart(wanted);
        return ids.Select(id => (id, d: Math.Min(Distance(wanted, id), Distance(random, RandomPart(id)))))
            .Where(x => x.d <= 2)
            .OrderBy(x => x.d).ThenBy(x => x.id, StringComparer.Ordinal)
            .Take(3).Select(x => x.id).ToList();
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
