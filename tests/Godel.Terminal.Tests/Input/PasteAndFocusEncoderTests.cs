// Paste (bracketed paste 2004) and focus (1004) encoding.
using System.Text;
using Godel.Terminal.Input;

namespace Godel.Terminal.Tests.Input;

public sealed class PasteAndFocusEncoderTests
{
    private static readonly TerminalModes Bracketed = new() { BracketedPaste = true };

    private static string Paste(string text, TerminalModes modes) => Encoding.UTF8.GetString(PasteEncoder.Encode(text, modes));

    [Fact]
    public void Plain_paste_is_sent_as_is_with_line_ends_as_CR() =>
        Assert.Equal("ls -l\rcd /\r", Paste("ls -l\ncd /\r\n", new TerminalModes()));

    [Fact]
    public void Bracketed_paste_is_wrapped() =>
        Assert.Equal("\u001b[200~echo hi\r\u001b[201~", Paste("echo hi\n", Bracketed));

    [Fact]
    public void Pasted_end_marker_cannot_break_out()
    {
        Assert.Equal("\u001b[200~ab; rm -rf x\u001b[201~", Paste("ab\u001b[201~; rm -rf x", Bracketed));
        // Removing one marker must not leave another one behind.
        Assert.Equal("\u001b[200~\u001b[201~", Paste("\u001b[20\u001b[201~1~", Bracketed));
    }

    [Fact]
    public void Unicode_is_UTF8() =>
        Assert.Equal(Encoding.UTF8.GetBytes("\u001b[200~héllo 世界\u001b[201~"), PasteEncoder.Encode("héllo 世界", Bracketed));

    [Fact]
    public void Focus_is_reported_only_when_enabled()
    {
        Assert.Empty(FocusEncoder.Encode(true, new TerminalModes()));
        Assert.Equal("\u001b[I"u8.ToArray(), FocusEncoder.Encode(true, new TerminalModes { FocusEvents = true }));
        Assert.Equal("\u001b[O"u8.ToArray(), FocusEncoder.Encode(false, new TerminalModes { FocusEvents = true }));
    }
}
