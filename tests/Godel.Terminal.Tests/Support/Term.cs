// Test helpers: build an emulator, feed strings, read text.
using System.Text;

namespace Godel.Terminal.Tests.Support;

internal sealed class RecordingEvents : ITerminalEvents
{
    public List<string> Replies { get; } = [];
    public int Bells { get; private set; }
    public List<(string Title, string Body)> Notifications { get; } = [];
    public List<string> Titles { get; } = [];
    public List<(string Selection, byte[] Data)> Clipboard { get; } = [];

    public void Reply(ReadOnlySpan<byte> bytes) => Replies.Add(Encoding.UTF8.GetString(bytes));

    public void Bell() => Bells++;

    public void Notify(string title, string body) => Notifications.Add((title, body));

    public void TitleChanged(string title) => Titles.Add(title);

    public void ClipboardWrite(string selection, byte[] data) => Clipboard.Add((selection, data));
}

internal static class Term
{
    public static TerminalEmulator Create(int cols = 20, int rows = 5, ITerminalEvents? events = null, long scrollbackBytes = 1 << 20, int scrollbackLines = 1000, bool clipboard = false) =>
        new(new TerminalOptions { Columns = cols, Rows = rows, ScrollbackBytes = scrollbackBytes, ScrollbackLines = scrollbackLines, AllowClipboardWrite = clipboard }, events);

    public static void Feed(this TerminalEmulator t, string s) => t.Feed(Encoding.UTF8.GetBytes(s));

    /// <summary>The visible screen, rows joined by '\n', trailing blank rows dropped (easier to write by hand).</summary>
    public static string Text(this TerminalEmulator t)
    {
        var lines = t.Capture().Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines);
    }

    public static (int Row, int Col) Cursor(this TerminalEmulator t) => (t.Screen.CursorRow, t.Screen.CursorColumn);

    /// <summary>Screen after feeding <paramref name="input"/> to a fresh terminal.</summary>
    public static string Run(string input, int cols = 20, int rows = 5)
    {
        var t = Create(cols, rows);
        t.Feed(input);
        return t.Text();
    }
}
