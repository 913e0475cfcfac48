// The mock provider's replies in OpenAI's chat-completions and responses formats, whole or streamed.
using System.Text.Json;

namespace Godel.Proxy.Providers.Mock;

internal static class MockOpenAI
{
    /// <summary>Fixed so replies are byte-for-byte reproducible.</summary>
    private const long Created = 1_700_000_000;

    public static byte[] ChatCompletion(MockPrompt p) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = "chatcmpl-mock" + p.Id,
        @object = "chat.completion",
        created = Created,
        model = p.Model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = p.FirstTool is { } tool
                    ? (object)new { role = "assistant", content = (string?)null, tool_calls = new[] { ToolCall(p, tool, "{}", withIndex: false) } }
                    : new { role = "assistant", content = p.Reply, refusal = (string?)null },
                logprobs = (object?)null,
                finish_reason = p.FirstTool is null ? "stop" : "tool_calls",
            },
        },
        usage = Usage(p),
    });

    public static IEnumerable<byte[]> ChatChunks(MockPrompt p)
    {
        if (p.FirstTool is { } tool)
        {
            yield return Chunk(p, new { role = "assistant", content = (string?)null, tool_calls = new[] { ToolCall(p, tool, "", withIndex: true) } }, null);
            yield return Chunk(p, new { tool_calls = new[] { new { index = 0, function = new { arguments = "{}" } } } }, null);
            yield return Chunk(p, new { }, "tool_calls");
        }
        else
        {
            yield return Chunk(p, new { role = "assistant", content = "", refusal = (string?)null }, null);
            foreach (var piece in MockChunks.Split(p.Reply))
            {
                yield return Chunk(p, new { content = piece }, null);
            }
            yield return Chunk(p, new { }, "stop");
        }
        if (p.IncludeUsage)
        {
            yield return MockChunks.Sse(null, JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = "chatcmpl-mock" + p.Id, @object = "chat.completion.chunk", created = Created, model = p.Model,
                choices = Array.Empty<object>(), usage = Usage(p),
            }));
        }
        yield return MockChunks.Sse(null, "[DONE]"u8);
    }

    public static byte[] Response(MockPrompt p) => JsonSerializer.SerializeToUtf8Bytes(ResponseObject(p, "completed"));

    /// <summary>
    /// The full event sequence of the Responses API (item and content part opened, deltas, closed, completed):
    /// the SDKs' stream helpers (`responses.stream()`, Codex) build the response from it and fail without them.
    /// </summary>
    public static IEnumerable<byte[]> ResponseEvents(MockPrompt p)
    {
        var seq = 0;
        var itemId = "msg_mock_" + p.Id;
        byte[] Event(string type, object payload) => MockChunks.Sse(type, JsonSerializer.SerializeToUtf8Bytes(payload));
        yield return Event("response.created", new { type = "response.created", sequence_number = seq++, response = ResponseObject(p, "in_progress") });
        yield return Event("response.in_progress", new { type = "response.in_progress", sequence_number = seq++, response = ResponseObject(p, "in_progress") });
        if (p.FirstTool is { } tool)
        {
            // A tool call: one function_call item whose arguments arrive as one delta.
            yield return Event("response.output_item.added", new { type = "response.output_item.added", sequence_number = seq++, output_index = 0, item = FunctionCallItem(p, tool, "in_progress", "") });
            yield return Event("response.function_call_arguments.delta", new { type = "response.function_call_arguments.delta", sequence_number = seq++, item_id = "fc_mock_" + p.Id, output_index = 0, delta = "{}" });
            yield return Event("response.function_call_arguments.done", new { type = "response.function_call_arguments.done", sequence_number = seq++, item_id = "fc_mock_" + p.Id, output_index = 0, arguments = "{}" });
            yield return Event("response.output_item.done", new { type = "response.output_item.done", sequence_number = seq++, output_index = 0, item = FunctionCallItem(p, tool, "completed", "{}") });
            yield return Event("response.completed", new { type = "response.completed", sequence_number = seq, response = ResponseObject(p, "completed") });
            yield break;
        }
        yield return Event("response.output_item.added", new { type = "response.output_item.added", sequence_number = seq++, output_index = 0, item = MessageItem(p, "in_progress", "") });
        yield return Event("response.content_part.added", new { type = "response.content_part.added", sequence_number = seq++, item_id = itemId, output_index = 0, content_index = 0, part = TextPart("") });
        foreach (var piece in MockChunks.Split(p.Reply))
        {
            yield return Event("response.output_text.delta", new
            {
                type = "response.output_text.delta", sequence_number = seq++, item_id = itemId, output_index = 0, content_index = 0, delta = piece,
            });
        }
        yield return Event("response.output_text.done", new { type = "response.output_text.done", sequence_number = seq++, item_id = itemId, output_index = 0, content_index = 0, text = p.Reply });
        yield return Event("response.content_part.done", new { type = "response.content_part.done", sequence_number = seq++, item_id = itemId, output_index = 0, content_index = 0, part = TextPart(p.Reply) });
        yield return Event("response.output_item.done", new { type = "response.output_item.done", sequence_number = seq++, output_index = 0, item = MessageItem(p, "completed", p.Reply) });
        yield return Event("response.completed", new { type = "response.completed", sequence_number = seq, response = ResponseObject(p, "completed") });
    }

    private static object FunctionCallItem(MockPrompt p, string tool, string status, string arguments) =>
        new { type = "function_call", id = "fc_mock_" + p.Id, call_id = "call_mock_" + p.Id, name = tool, arguments, status };

    private static object TextPart(string text) => new { type = "output_text", text, annotations = Array.Empty<object>() };

    private static object MessageItem(MockPrompt p, string status, string text) => new
    {
        type = "message", id = "msg_mock_" + p.Id, status, role = "assistant",
        content = text.Length == 0 && status != "completed" ? Array.Empty<object>() : new[] { TextPart(text) },
    };

    private static object ResponseObject(MockPrompt p, string status) => new
    {
        id = "resp_mock" + p.Id,
        @object = "response",
        created_at = Created,
        status,
        model = p.Model,
        output = status == "completed"
            ? new[] { p.FirstTool is { } tool ? FunctionCallItem(p, tool, status, "{}") : MessageItem(p, status, p.Reply) }
            : [],
        usage = status == "completed" ? new { input_tokens = p.InputTokens, output_tokens = p.OutputTokens, total_tokens = p.InputTokens + p.OutputTokens } : null,
    };

    private static object Usage(MockPrompt p) =>
        new { prompt_tokens = p.InputTokens, completion_tokens = p.OutputTokens, total_tokens = p.InputTokens + p.OutputTokens };

    private static object ToolCall(MockPrompt p, string tool, string args, bool withIndex) => withIndex
        ? new { index = 0, id = "call_mock_" + p.Id, type = "function", function = new { name = tool, arguments = args } }
        : new { id = "call_mock_" + p.Id, type = "function", function = new { name = tool, arguments = args } };

    /// <summary>OpenAI sends `"usage":null` on every chunk when the client asked for usage; the mock does too.</summary>
    private static byte[] Chunk(MockPrompt p, object delta, string? finish)
    {
        var choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finish } };
        var json = p.IncludeUsage
            ? JsonSerializer.SerializeToUtf8Bytes(new { id = "chatcmpl-mock" + p.Id, @object = "chat.completion.chunk", created = Created, model = p.Model, choices, usage = (object?)null })
            : JsonSerializer.SerializeToUtf8Bytes(new { id = "chatcmpl-mock" + p.Id, @object = "chat.completion.chunk", created = Created, model = p.Model, choices });
        return MockChunks.Sse(null, json);
    }
}
