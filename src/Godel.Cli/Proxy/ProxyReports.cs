// Turns proxy stats, search hits and token lists into the text `godel proxy …` prints (pure functions).
using System.Globalization;
using System.Text;
using Godel.Proxy.Store;

namespace Godel.Cli.Proxy;

internal static class ProxyReports
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Stats(ProxyStats stats)
    {
        var text = new StringBuilder();
        var scope = (stats.Since is { } s ? $"since {s.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv)} UTC" : "all time")
            + (stats.Agent is { } a ? $", agent {a}" : "");
        text.AppendLine(CultureInfo.InvariantCulture, $"Proxy usage ({scope})");
        text.AppendLine(Header("what"));
        text.AppendLine(Line(stats.Totals));
        if (stats.Agents.Count > 0)
        {
            text.AppendLine().AppendLine(Header("agent"));
            stats.Agents.ToList().ForEach(l => text.AppendLine(Line(l)));
        }
        if (stats.Models.Count > 0)
        {
            text.AppendLine().AppendLine(Header("provider/model"));
            stats.Models.ToList().ForEach(l => text.AppendLine(Line(l)));
        }
        text.AppendLine().Append(CultureInfo.InvariantCulture, $"spent today ${stats.SpentTodayUsd:0.0000}, in total ${stats.SpentTotalUsd:0.0000}").AppendLine();
        // Unknown costs and audit backpressure: said out loud, never folded silently into the sums.
        stats.Warnings.ToList().ForEach(w => text.Append("warning: ").AppendLine(w));
        return text.ToString();
    }

    public static string Search(string query, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            return $"no proxied request matches \"{query}\"\n";
        }
        var text = new StringBuilder();
        foreach (var h in hits)
        {
            text.Append(CultureInfo.InvariantCulture, $"{h.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv)}  {h.Agent}  {h.Bead ?? "-"}  {h.Provider}/{h.Model ?? "?"}  #{h.Id}").AppendLine();
            text.Append("    ").AppendLine(h.Snippet.ReplaceLineEndings(" "));
        }
        return text.ToString();
    }

    public static string Tokens(IReadOnlyList<TokenInfo> tokens)
    {
        if (tokens.Count == 0)
        {
            return "no agent tokens\n";
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"agent",-24} {"bead",-14} {"created (UTC)",-17} fingerprint");
        foreach (var t in tokens)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{t.Agent,-24} {t.Bead ?? "-",-14} {t.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv),-17} {t.Fingerprint}");
        }
        return text.ToString();
    }

    private static string Header(string first) =>
        string.Create(Inv, $"{first,-32} {"requests",9} {"tokens in",12} {"tokens out",12} {"cost USD",11} {"errors",7} {"avg ms",8}");

    private static string Line(UsageLine l) =>
        string.Create(Inv, $"{Clip(l.Name, 32),-32} {l.Requests,9} {l.TokensIn,12} {l.TokensOut,12} {l.CostUsd,11:0.0000} {l.Errors,7} {l.AvgLatencyMs,8:0.0}");

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
