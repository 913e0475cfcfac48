// Provider responses recorded in the documented wire formats, replayed by the loopback upstream stub.
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Godel.Proxy.Tests.Support;

public static class Recordings
{
    public const string AnthropicKey = "sk-ant-api03-REALKEY-never-leaks-0123456789";
    public const string OpenAIKey = "sk-proj-REALKEY-never-leaks-9876543210";

    public const string AnthropicMessage = """{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","content":[{"type":"text","text":"Hello! How can I help?"}],"model":"claude-sonnet-4-5-20250929","stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":10,"output_tokens":15}}""";

    public static readonly IReadOnlyList<string> AnthropicEvents =
    [
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":10,\"output_tokens\":1}}}\n\n",
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
        "event: ping\ndata: {\"type\": \"ping\"}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"! How can I help?\"}}\n\n",
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n",
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
    ];

    public const string OpenAIChat = """{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,"model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I assist you today?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_44709d6fcb"}""";

    private const string ChunkHead = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":";

    /// <summary>OpenAI chat chunks as sent with or without `stream_options.include_usage`.</summary>
    public static IReadOnlyList<string> OpenAIChunks(bool includeUsage)
    {
        var tail = includeUsage ? ",\"usage\":null}" : "}";
        var list = new List<string>
        {
            "data: " + ChunkHead + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]" + tail + "\n\n",
            "data: " + ChunkHead + "[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]" + tail + "\n\n",
            "data: " + ChunkHead + "[{\"index\":0,\"delta\":{\"content\":\" there!\"},\"logprobs\":null,\"finish_reason\":null}]" + tail + "\n\n",
            "data: " + ChunkHead + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]" + tail + "\n\n",
        };
        if (includeUsage)
        {
            list.Add("data: " + ChunkHead + "[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n");
        }
        list.Add("data: [DONE]\n\n");
        return list;
    }

    /// <summary>A stub handler that answers like the provider: JSON or SSE depending on the request's `stream`.</summary>
    public static Func<HttpContext, byte[], Task> Provider(bool anthropic, int pauseMs = 0) => async (context, body) =>
    {
        var text = Encoding.UTF8.GetString(body);
        var stream = text.Contains("\"stream\":true", StringComparison.Ordinal);
        context.Response.Headers["x-request-id"] = "req_stub";
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(anthropic ? AnthropicMessage : OpenAIChat);
            return;
        }
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        var events = anthropic ? AnthropicEvents : OpenAIChunks(text.Contains("\"include_usage\":true", StringComparison.Ordinal));
        foreach (var e in events)
        {
            await context.Response.WriteAsync(e, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs, context.RequestAborted);
            }
        }
    };
}
