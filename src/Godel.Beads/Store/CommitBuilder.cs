// Formats commit objects for the beads branch: tree, parents, author/committer lines, message.
using System.Globalization;
using System.Text;
using LibGit2Sharp;

namespace Godel.Beads.Store;

/// <summary>Who a commit is by: GODEL_ACTOR (agents) or git's user.name/user.email, with a fallback.</summary>
internal sealed record GitIdentity(string Name, string Email)
{
    public static GitIdentity Resolve(Repository repo, string? actor)
    {
        var name = repo.Config.Get<string>("user.name")?.Value;
        var email = repo.Config.Get<string>("user.email")?.Value;
        if (!string.IsNullOrWhiteSpace(actor)) name = actor;
        name = string.IsNullOrWhiteSpace(name) ? "godel" : name;
        email = string.IsNullOrWhiteSpace(email) ? $"{Slug(name)}@godel.invalid" : email;
        return new GitIdentity(Clean(name), Clean(email));
    }

    // Angle brackets and newlines would corrupt the author line.
    private static string Clean(string s) => new(s.Where(c => c is not ('<' or '>' or '\n' or '\r' or '\0')).ToArray());

    private static string Slug(string s) => new(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}

internal static class CommitBuilder
{
    public static byte[] Build(string treeHex, IEnumerable<string> parents, GitIdentity who, DateTimeOffset when, string message)
    {
        var sb = new StringBuilder();
        sb.Append("tree ").Append(treeHex).Append('\n');
        foreach (var p in parents) sb.Append("parent ").Append(p).Append('\n');
        var stamp = Stamp(when);
        sb.Append("author ").Append(who.Name).Append(" <").Append(who.Email).Append("> ").Append(stamp).Append('\n');
        sb.Append("committer ").Append(who.Name).Append(" <").Append(who.Email).Append("> ").Append(stamp).Append('\n');
        sb.Append('\n').Append(message.TrimEnd('\n')).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Stamp(DateTimeOffset when)
    {
        var offset = when.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{when.ToUnixTimeSeconds()} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
