// Turns pasted text into bytes, bracketed when the child enabled mode 2004.
using System.Text;

namespace Godel.Terminal.Input;

/// <summary>Encodes a paste like xterm: line ends become CR, and with bracketed paste the text is wrapped in ESC[200~ … ESC[201~.</summary>
public static class PasteEncoder
{
    private const string Start = "\u001b[200~";
    private const string End = "\u001b[201~";

    public static byte[] Encode(string text, TerminalModes modes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(modes);
        var body = NormalizeLineEnds(text);
        return Encoding.UTF8.GetBytes(modes.BracketedPaste ? Start + RemoveMarkers(body) + End : body);
    }

    /// <summary>A terminal's Enter is CR; pasted LF or CRLF would otherwise arrive as something no key sends.</summary>
    private static string NormalizeLineEnds(string text) =>
        text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r');

    /// <summary>Removes bracket markers so pasted text cannot end the paste early and be run as typed input.
    /// Repeats because removing one marker can join the pieces of another.</summary>
    private static string RemoveMarkers(string text)
    {
        string previous;
        do
        {
            previous = text;
            text = text.Replace(End, "", StringComparison.Ordinal).Replace(Start, "", StringComparison.Ordinal);
        }
        while (text.Length != previous.Length);

        return text;
    }
}
