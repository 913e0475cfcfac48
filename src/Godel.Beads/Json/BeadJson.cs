// Reads and writes bead/convoy JSON: indented files for git, compact lines for `--json` output.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Godel.Beads.Model;

namespace Godel.Beads.Json;

/// <summary>The one place that turns beads into bytes and back.</summary>
public static class BeadJson
{
    // Files keep "→", quotes and non-ASCII readable instead of \u escapes; they are never embedded in HTML.
    private static readonly BeadJsonContext Files = new(new JsonSerializerOptions(BeadJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly BeadJsonContext Output = new(new JsonSerializerOptions(BeadJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    public static byte[] ToFile(Bead bead) => WithNewline(JsonSerializer.SerializeToUtf8Bytes(bead, Files.Bead));

    public static byte[] ToFile(Convoy convoy) => WithNewline(JsonSerializer.SerializeToUtf8Bytes(convoy, Files.Convoy));

    /// <summary>Parses a bead file; throws <see cref="BeadFormatException"/> naming what is wrong.</summary>
    public static Bead ParseBead(ReadOnlySpan<byte> utf8, string path)
    {
        var bead = Parse(utf8, path, Files.Bead);
        Validate(bead.Schema, path);
        if (string.IsNullOrWhiteSpace(bead.Id)) throw new BeadFormatException(path, "\"id\" is empty");
        if (!BeadVocabulary.IsValidPriority(bead.Priority))
            throw new BeadFormatException(path, $"\"priority\" is {bead.Priority}; valid: 0..4");
        return Normalize(bead);
    }

    public static Convoy ParseConvoy(ReadOnlySpan<byte> utf8, string path)
    {
        var convoy = Parse(utf8, path, Files.Convoy);
        Validate(convoy.Schema, path);
        return convoy with { Beads = convoy.Beads ?? [] };
    }

    public static string ToOutput<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    /// <summary>Type info for compact `--json` output.</summary>
    public static BeadJsonContext OutputContext => Output;

    private static T Parse<T>(ReadOnlySpan<byte> utf8, string path, JsonTypeInfo<T> info)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, info) ?? throw new BeadFormatException(path, "the file holds null");
        }
        catch (JsonException e)
        {
            throw new BeadFormatException(path, Describe(e));
        }
        catch (InvalidOperationException e)
        {
            throw new BeadFormatException(path, e.Message);
        }
    }

    /// <summary>
    /// The parser's reason as a person fixing the file needs it: `line 5, column 3: …` (System.Text.Json counts both
    /// from 0 and appends its own `Path: $ | LineNumber: 4 …` suffix), and for a status or type that is not one of
    /// the words Godel knows, the valid values, as on the command line.
    /// </summary>
    internal static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: " : "";
        var field = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        var valid = field switch
        {
            "status" => BeadVocabulary.Statuses,
            "type" => BeadVocabulary.Types,
            _ => null,
        };
        if (valid is not null) return $"{where}\"{field}\" is not valid; valid: {string.Join(", ", valid)}";
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && field is not null)
            return $"{where}\"{field}\" has a value of the wrong kind";
        var message = e.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        return where + message.TrimEnd();
    }

    private static void Validate(int schema, string path)
    {
        if (schema > BeadSchema.Current)
            throw new BeadFormatException(path, $"schema {schema} is newer than this godel understands ({BeadSchema.Current}); upgrade godel");
    }

    // A hand-edited file may say "labels": null; the model promises non-null lists.
    private static Bead Normalize(Bead bead) => bead with
    {
        Labels = bead.Labels ?? [],
        Commits = bead.Commits ?? [],
        BlockedBy = bead.BlockedBy ?? [],
        Comments = bead.Comments ?? [],
        Description = bead.Description ?? "",
    };

    private static byte[] WithNewline(byte[] json)
    {
        var result = new byte[json.Length + 1];
        json.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }
}

/// <summary>A bead or convoy file that cannot be read: names the file and the reason.</summary>
public sealed class BeadFormatException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}
