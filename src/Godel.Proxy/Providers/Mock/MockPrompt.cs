// Reads what the mock provider answers from: the last user text, the total prompt size and the first tool.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Godel.Proxy.Providers.Mock;

/// <summary>The parts of a request the mock's deterministic reply is derived from.</summary>
internal sealed record MockPrompt(string Model, string LastUserText, int PromptChars, string? FirstTool, bool Stream, bool IncludeUsage)
{
    public string Reply
    {
        get
        {
            var text = LastUserText.ReplaceLineEndings(" ");
            return "mock reply to: " + (text.Length > 40 ? text[..40] : text);
        }
    }

    public int InputTokens => Math.Max(1, (PromptChars + 3) / 4);

    public int OutputTokens => FirstTool is null ? Math.Max(1, (Reply.Length + 3) / 4) : 8;

    /// <summary>Stable id suffix: the same prompt always gets the same ids.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Model + "\n" + LastUserText)))[..24];

    /// <summary>Null when the body is not a JSON object.</summary>
    public static MockPrompt? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            return Parse(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static MockPrompt Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "mock";
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        var texts = new List<string>();
        string last = "";
        if (root.TryGetProperty("system", out var system))
        {
            CollectText(system, texts);
        }
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                var start = texts.Count;
                if (message.TryGetProperty("content", out var content))
                {
                    CollectText(content, texts);
                }
                if (message.TryGetProperty("role", out var role) && role.ValueEquals("user"u8) && texts.Count > start)
                {
                    last = string.Join(" ", texts.Skip(start));
                }
            }
        }
        if (root.TryGetProperty("input", out var input))
        {
            var start = texts.Count;
            CollectText(input, texts);
            last = string.Join(" ", texts.Skip(start));
        }
        return new MockPrompt(model, last, texts.Sum(t => t.Length), FirstToolName(root), stream, includeUsage);
    }

    private static void CollectText(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectText(item, texts);
                }
                break;
            case JsonValueKind.Object:
                foreach (var name in (ReadOnlySpan<string>)["text", "content"])
                {
                    if (element.TryGetProperty(name, out var inner))
                    {
                        CollectText(inner, texts);
                    }
                }
                break;
        }
    }

    private static string? FirstToolName(JsonElement root)
    {
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array || tools.GetArrayLength() == 0)
        {
            return null;
        }
        var tool = tools[0];
        if (tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return name.GetString();
        }
        return tool.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var fn) ? fn.GetString() : "tool";
    }
}
