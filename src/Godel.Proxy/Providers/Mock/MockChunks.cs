// Helpers shared by the mock formats: splitting a reply into streamed pieces and framing SSE events.
using System.Text;

namespace Godel.Proxy.Providers.Mock;

internal static class MockChunks
{
    /// <summary>Word-sized pieces whose concatenation is exactly the reply.</summary>
    public static IEnumerable<string> Split(string reply)
    {
        var start = 0;
        for (var i = 1; i <= reply.Length; i++)
        {
            if (i == reply.Length || reply[i] == ' ')
            {
                yield return reply[start..i];
                start = i;
            }
        }
    }

    public static byte[] Sse(string? eventName, ReadOnlySpan<byte> data)
    {
        var head = eventName is null ? "data: " : $"event: {eventName}\ndata: ";
        var headBytes = Encoding.UTF8.GetBytes(head);
        var result = new byte[headBytes.Length + data.Length + 2];
        headBytes.CopyTo(result, 0);
        data.CopyTo(result.AsSpan(headBytes.Length));
        result[^2] = (byte)'\n';
        result[^1] = (byte)'\n';
        return result;
    }
}
