// The closed vocabularies of a bead: status and type, with their wire names.
using System.Text.Json.Serialization;

namespace Godel.Beads.Model;

/// <summary>Where a bead is in its life. Wire names are kebab-case (`in-progress`).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BeadStatus>))]
public enum BeadStatus
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("in-progress")] InProgress,
    [JsonStringEnumMemberName("blocked")] Blocked,
    [JsonStringEnumMemberName("done")] Done,
}

/// <summary>What kind of work a bead is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BeadType>))]
public enum BeadType
{
    [JsonStringEnumMemberName("task")] Task,
    [JsonStringEnumMemberName("bug")] Bug,
    [JsonStringEnumMemberName("feature")] Feature,
    [JsonStringEnumMemberName("chore")] Chore,
    [JsonStringEnumMemberName("epic")] Epic,
}

/// <summary>Whether a convoy still has unfinished beads. Derived from its beads, never stored.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConvoyStatus>))]
public enum ConvoyStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("completed")] Completed,
}

/// <summary>Parsing and printing the wire names users type on the command line.</summary>
public static class BeadVocabulary
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "in-progress", "blocked", "done"];
    public static readonly IReadOnlyList<string> Types = ["task", "bug", "feature", "chore", "epic"];
    public const int MinPriority = 0;
    public const int MaxPriority = 4;

    public static string Name(this BeadStatus status) => Statuses[(int)status];
    public static string Name(this BeadType type) => Types[(int)type];
    public static string Name(this ConvoyStatus status) => status == ConvoyStatus.Active ? "active" : "completed";

    public static bool TryParseStatus(string text, out BeadStatus status)
    {
        var i = IndexOf(Statuses, text);
        status = (BeadStatus)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool TryParseType(string text, out BeadType type)
    {
        var i = IndexOf(Types, text);
        type = (BeadType)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool IsValidPriority(int priority) => priority is >= MinPriority and <= MaxPriority;

    private static int IndexOf(IReadOnlyList<string> names, string text)
    {
        var wanted = text.Trim().ToLowerInvariant().Replace('_', '-');
        if (wanted == "inprogress") wanted = "in-progress";
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == wanted) return i;
        }
        return -1;
    }
}
