// Writes `bead list --json` arrays straight to UTF-8: the hot path of agents' most frequent call.
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Godel.Beads.Model;

namespace Godel.Beads.Json;

/// <summary>
/// Produces exactly what the source-generated serializer produces for a list of beads (a test holds them equal),
/// without its per-property metadata path: 10k beads took most of a `bead list --json` process.
/// </summary>
public static class BeadListWriter
{
    private static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText Labels = JsonEncodedText.Encode("labels");
    private static readonly JsonEncodedText Agent = JsonEncodedText.Encode("agent");
    private static readonly JsonEncodedText Worktree = JsonEncodedText.Encode("worktree");
    private static readonly JsonEncodedText Branch = JsonEncodedText.Encode("branch");
    private static readonly JsonEncodedText Commits = JsonEncodedText.Encode("commits");
    private static readonly JsonEncodedText BlockedBy = JsonEncodedText.Encode("blocked_by");
    private static readonly JsonEncodedText Comments = JsonEncodedText.Encode("comments");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Created = JsonEncodedText.Encode("created");
    private static readonly JsonEncodedText Updated = JsonEncodedText.Encode("updated");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");
    private static readonly JsonEncodedText CloseReason = JsonEncodedText.Encode("close_reason");

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The compact JSON array of <paramref name="beads"/>.</summary>
    public static string ToJson(IReadOnlyList<Bead> beads) => Encoding.UTF8.GetString(ToUtf8(beads).WrittenSpan);

    /// <summary>The same array as UTF-8 bytes, for writing straight to stdout (3 MB for 10k beads). An element that
    /// <paramref name="known"/> already holds (the read index keeps each bead's <see cref="Element"/>) is copied.</summary>
    public static ArrayBufferWriter<byte> ToUtf8(IReadOnlyList<Bead> beads, Func<Bead, byte[]?>? known = null)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, beads.Count * 300));
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartArray();
            foreach (var b in beads)
            {
                if (known?.Invoke(b) is { } element) w.WriteRawValue(element, skipInputValidation: true);
                else Write(w, b);
            }
            w.WriteEndArray();
        }
        return buffer;
    }

    /// <summary>
    /// Writes the same bytes as <see cref="ToUtf8"/> to <paramref name="output"/> as it goes: elements that
    /// <paramref name="known"/> holds are copied straight from the read index, with no 3 MB buffer built first.
    /// </summary>
    public static void WriteTo(Stream output, IReadOnlyList<Bead> beads, Func<Bead, byte[]?>? known = null)
    {
        output.WriteByte((byte)'[');
        for (var i = 0; i < beads.Count; i++)
        {
            if (i > 0) output.WriteByte((byte)',');
            output.Write(known?.Invoke(beads[i]) ?? Element(beads[i]));
        }
        output.WriteByte((byte)']');
    }

    /// <summary>One bead exactly as it appears as an element of <see cref="ToUtf8"/>'s array.</summary>
    public static byte[] Element(Bead bead)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, bead);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, Bead b)
    {
        w.WriteStartObject();
        w.WriteNumber(Schema, b.Schema);
        w.WriteString(Id, b.Id);
        w.WriteString(Title, b.Title);
        w.WriteString(Description, b.Description);
        w.WriteString(Type, b.Type.Name());
        w.WriteString(Status, b.Status.Name());
        w.WriteNumber(Priority, b.Priority);
        Strings(w, Labels, b.Labels);
        w.WriteString(Agent, b.Agent);
        w.WriteString(Worktree, b.Worktree);
        w.WriteString(Branch, b.Branch);
        Strings(w, Commits, b.Commits);
        Strings(w, BlockedBy, b.BlockedBy);
        w.WriteStartArray(Comments);
        foreach (var c in b.Comments)
        {
            w.WriteStartObject();
            w.WriteString(Author, c.Author);
            w.WriteString(Text, c.Text);
            w.WriteString(Time, c.Time);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString(Created, b.Created);
        w.WriteString(Updated, b.Updated);
        if (b.Closed is { } closed) w.WriteString(Closed, closed);
        else w.WriteNull(Closed);
        w.WriteString(CloseReason, b.CloseReason);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
