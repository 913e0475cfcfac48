// OSC strings: titles, hyperlinks, clipboard, notifications, colour queries.
using System.Text;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

internal sealed partial class VtDispatcher
{
    private const int MaxTitle = 4096;

    public void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated)
    {
        var semi = data.IndexOf((byte)';');
        var head = semi < 0 ? data : data[..semi];
        if (!TryNumber(head, out var command)) return;
        var rest = semi < 0 ? [] : data[(semi + 1)..];
        switch (command)
        {
            case 0:
                _m.IconName = Text(rest, MaxTitle);
                SetTitle(Text(rest, MaxTitle));
                break;
            case 1: _m.IconName = Text(rest, MaxTitle); break;
            case 2: SetTitle(Text(rest, MaxTitle)); break;
            case 8: Hyperlink(rest); break;
            case 9: Notify9(rest); break;
            case 10:
            case 11: QueryColor(command, rest, bellTerminated); break;
            case 52: Clipboard(rest); break;
            case 777: Notify777(rest); break;
        }
    }

    private void SetTitle(string title)
    {
        _m.Title = title;
        _events.TitleChanged(title);
    }

    private static bool TryNumber(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 6) return false;
        foreach (var b in s)
        {
            if (b < '0' || b > '9') return false;
            value = (value * 10) + (b - '0');
        }
        return true;
    }

    private static string Text(ReadOnlySpan<byte> s, int max)
    {
        var text = Encoding.UTF8.GetString(s);
        return text.Length > max ? text[..max] : text;
    }

    /// <summary>OSC 8 ; params ; uri — an empty uri ends the link.</summary>
    private void Hyperlink(ReadOnlySpan<byte> rest)
    {
        var semi = rest.IndexOf((byte)';');
        if (semi < 0) return;
        var uri = Text(rest[(semi + 1)..], 2048);
        var id = "";
        foreach (var part in Text(rest[..semi], 256).Split(':'))
        {
            if (part.StartsWith("id=", StringComparison.Ordinal)) id = part[3..];
        }
        _m.Pen.Link = uri.Length == 0 ? 0 : _m.Extras.InternLink(id, uri);
        Sgr.UpdateExtra(_m, ref _m.Pen);
    }

    private void Notify9(ReadOnlySpan<byte> rest)
    {
        // OSC 9;4;… is ConEmu's progress report, not a notification.
        if (rest.StartsWith("4;"u8)) return;
        _events.Notify("", Text(rest, MaxTitle));
    }

    private void Notify777(ReadOnlySpan<byte> rest)
    {
        var parts = Text(rest, MaxTitle * 2).Split(';', 3);
        if (parts.Length >= 2 && parts[0] == "notify") _events.Notify(parts[1], parts.Length > 2 ? parts[2] : "");
    }

    private void QueryColor(int command, ReadOnlySpan<byte> rest, bool bell)
    {
        if (!rest.SequenceEqual("?"u8)) return;
        var rgb = command == 10 ? _m.Options.DefaultForeground : _m.Options.DefaultBackground;
        var r = (rgb >> 16) & 0xFF;
        var g = (rgb >> 8) & 0xFF;
        var b = rgb & 0xFF;
        var end = bell ? "\a" : "\e\\";
        Reply($"\e]{command};rgb:{r:x2}{r:x2}/{g:x2}{g:x2}/{b:x2}{b:x2}{end}");
    }

    /// <summary>OSC 52 ; selection ; base64 — only when the host allows clipboard writes.</summary>
    private void Clipboard(ReadOnlySpan<byte> rest)
    {
        if (!_m.Options.AllowClipboardWrite) return;
        var semi = rest.IndexOf((byte)';');
        if (semi < 0) return;
        var selection = Text(rest[..semi], 16);
        var payload = rest[(semi + 1)..];
        if (payload.SequenceEqual("?"u8)) return;
        var bytes = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(payload.Length)];
        if (System.Buffers.Text.Base64.DecodeFromUtf8(payload, bytes, out _, out var written) != System.Buffers.OperationStatus.Done) return;
        _events.ClipboardWrite(selection.Length == 0 ? "c" : selection, bytes[..written]);
    }
}
