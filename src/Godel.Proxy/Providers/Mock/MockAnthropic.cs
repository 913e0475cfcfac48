// The mock provider's replies in Anthropic's Messages format, whole or as the documented SSE event sequence.
using System.Text.Json;

namespace Godel.Proxy.Providers.Mock;

internal static class MockAnthropic
{
    public static byte[] Message(MockPrompt p) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = "msg_mock_" + p.Id,
        type = "message",
        role = "assistant",
        model = p.Model,
        content = new object[] { Block(p, full: true) },
        stop_reason = p.FirstTool is null ? "end_turn" : "tool_use",
        stop_sequence = (string?)null,
        usage = new { input_tokens = p.InputTokens, output_tokens = p.OutputTokens },
    });

    public static IEnumerable<byte[]> Events(MockPrompt p)
    {
        yield return Event("message_start", new
        {
            type = "message_start",
            message = new
            {
                id = "msg_mock_" + p.Id, type = "message", role = "assistant", model = p.Model,
                content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null,
                usage = new { input_tokens = p.InputTokens, output_tokens = 1 },
            },
        });
        yield return Event("content_block_start", new { type = "content_block_start", index = 0, content_block = Block(p, full: false) });
        yield return Event("ping", new { type = "ping" });
        if (p.FirstTool is null)
        {
            foreach (var piece in MockChunks.Split(p.Reply))
            {
                yield return Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } });
            }
        }
        else
        {
            yield return Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "input_json_delta", partial_json = "{}" } });
        }
        yield return Event("content_block_stop", new { type = "content_block_stop", index = 0 });
        yield return Event("message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = p.FirstTool is null ? "end_turn" : "tool_use", stop_sequence = (string?)null },
            usage = new { output_tokens = p.OutputTokens },
        });
        yield return Event("message_stop", new { type = "message_stop" });
    }

    private static object Block(MockPrompt p, bool full) => p.FirstTool is { } tool
        ? new { type = "tool_use", id = "toolu_mock_" + p.Id, name = tool, input = new { } }
        : new { type = "text", text = full ? p.Reply : "" };

    private static byte[] Event(string name, object data) => MockChunks.Sse(name, JsonSerializer.SerializeToUtf8Bytes(data));
}
