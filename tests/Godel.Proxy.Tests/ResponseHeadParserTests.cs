// Framing rules of the upstream client's response-head parser (RFC 9112 §6), without sockets.
using System.Text;
using Godel.Proxy.Upstream;

namespace Godel.Proxy.Tests;

public sealed class ResponseHeadParserTests
{
    private static ResponseHead Parse(string head, bool requestWasHead = false)
    {
        Assert.True(ResponseHeadParser.TryParse(Encoding.Latin1.GetBytes(head), requestWasHead, out var parsed, out var consumed));
        Assert.Equal(Encoding.Latin1.GetByteCount(head), consumed);
        return parsed!;
    }

    [Fact]
    public void Content_length_frames_the_body_and_keeps_the_connection()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 42\r\n\r\n");
        Assert.Equal((200, BodyFraming.Length, 42L, true, "application/json"), (head.Status, head.Framing, head.ContentLength, head.KeepAlive, head.MediaType));
    }

    [Fact]
    public void Chunked_wins_over_content_length()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n");
        Assert.Equal(BodyFraming.Chunked, head.Framing);
        Assert.True(head.KeepAlive);
    }

    [Fact]
    public void A_transfer_coding_other_than_chunked_last_runs_until_close()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n");
        Assert.Equal(BodyFraming.UntilClose, head.Framing);
        Assert.False(head.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", false)]
    [InlineData("HTTP/1.1 304 Not Modified\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false)]
    public void Some_answers_have_no_body(string text, bool requestWasHead)
    {
        var head = Parse(text, requestWasHead);
        Assert.Equal(BodyFraming.None, head.Framing);
        Assert.True(head.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\n")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n")]
    public void The_connection_is_not_reused_after_close_http10_or_an_unframed_body(string text) =>
        Assert.False(Parse(text).KeepAlive);

    [Fact]
    public void Bare_line_feeds_are_accepted_and_headers_keep_their_order_and_repeats()
    {
        var head = Parse("HTTP/1.1 429 Too Many Requests\nRetry-After: 3\nSet-Cookie: a=1\nSet-Cookie: b=2\nContent-Length: 0\n\n");
        Assert.Equal(429, head.Status);
        Assert.Equal(["Retry-After: 3", "Set-Cookie: a=1", "Set-Cookie: b=2", "Content-Length: 0"], head.Headers.Select(h => $"{h.Key}: {h.Value}"));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")]
    [InlineData("HTTP/1.1 200")]
    [InlineData("")]
    public void An_incomplete_head_asks_for_more(string text) =>
        Assert.False(ResponseHeadParser.TryParse(Encoding.Latin1.GetBytes(text), false, out _, out _));

    [Theory]
    [InlineData("HTTP/2 200\r\n\r\n")]
    [InlineData("HTTP/1.1 20x OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n folded: value\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")]
    public void Bytes_that_are_not_an_http11_head_are_refused(string text) =>
        Assert.Throws<UpstreamException>(() => ResponseHeadParser.TryParse(Encoding.Latin1.GetBytes(text), false, out _, out _));
}
