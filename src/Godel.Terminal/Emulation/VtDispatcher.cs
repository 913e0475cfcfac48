// Turns parser actions into screen-writer calls and replies (tmux's input.c layer): C0, ESC and CSI.
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

/// <summary>
/// The <see cref="IVtHandler"/> of an emulator. It decodes what a sequence means and calls
/// <see cref="ScreenWriter"/>; it never writes cells itself. Replies go to <see cref="ITerminalEvents.Reply"/>.
/// </summary>
internal sealed partial class VtDispatcher : IVtHandler, IStreamingHandler
{
    private readonly ScreenWriter _w;
    private readonly ScreenModel _m;
    private readonly ITerminalEvents _events;

    public VtDispatcher(ScreenWriter writer, ITerminalEvents events)
    {
        _w = writer;
        _m = writer.Model;
        _events = events;
    }

    private readonly SgrMemo _sgrMemo = new();

    public int Stream(ReadOnlySpan<byte> data) => _w.Stream(data, _sgrMemo);

    public void PrintAscii(ReadOnlySpan<byte> run) => _w.PrintAscii(run);

    public void Print(int codePoint) => _w.Print(codePoint);

    public void Execute(byte control)
    {
        switch (control)
        {
            case 0x07: _events.Bell(); break;
            case 0x08: _w.Backspace(); break;
            case 0x09: _w.Tab(1); break;
            case 0x0A:
            case 0x0B:
            case 0x0C: _w.LineFeed(); break;
            case 0x0D: _w.CarriageReturn(); break;
            case 0x0E: _m.ShiftOut = true; break;
            case 0x0F: _m.ShiftOut = false; break;
        }
    }

    public void EscDispatch(ReadOnlySpan<byte> intermediates, byte final)
    {
        if (intermediates.Length == 0)
        {
            EscPlain(final);
            return;
        }
        if (intermediates.Length != 1) return;
        switch (intermediates[0])
        {
            case (byte)'(':
                _m.G0Graphics = final == '0';
                break;
            case (byte)')':
                _m.G1Graphics = final == '0';
                break;
            case (byte)'#' when final == '8':
                _w.AlignmentTest();
                break;
        }
    }

    private void EscPlain(byte final)
    {
        switch (final)
        {
            case (byte)'7': _w.SaveCursor(); break;
            case (byte)'8': _w.RestoreCursor(); break;
            case (byte)'D': _w.Index(); break;
            case (byte)'E': _w.NextLine(); break;
            case (byte)'H': _w.SetTabStop(); break;
            case (byte)'M': _w.ReverseIndex(); break;
            case (byte)'c': _w.Reset(); _events.TitleChanged(""); break;
            case (byte)'=': _m.Modes.ApplicationKeypad = true; break;
            case (byte)'>': _m.Modes.ApplicationKeypad = false; break;
        }
    }

    public void CsiDispatch(VtParams p, ReadOnlySpan<byte> intermediates, byte final)
    {
        if (final == (byte)'m' && intermediates.Length == 0)
        {
            Sgr.Apply(_m, p); // the hot sequence: skip the general dispatch
            return;
        }
        byte prefix = 0;
        if (intermediates.Length > 0 && intermediates[0] >= 0x3C && intermediates[0] <= 0x3F)
        {
            prefix = intermediates[0];
            intermediates = intermediates[1..];
        }
        if (intermediates.Length > 0)
        {
            CsiWithIntermediate(p, prefix, intermediates, final);
            return;
        }
        if (prefix == 0) CsiPlain(p, final);
        else CsiPrivate(p, prefix, final);
    }

    private void CsiPlain(VtParams p, byte final)
    {
        var n = p.Get(0, 1);
        switch (final)
        {
            case (byte)'@': _w.InsertChars(n); break;
            case (byte)'A': _w.CursorUp(n); break;
            case (byte)'B': _w.CursorDown(n); break;
            case (byte)'C': _w.CursorForward(n); break;
            case (byte)'D': _w.CursorBack(n); break;
            case (byte)'E': _w.CursorDown(n); _w.CarriageReturn(); break;
            case (byte)'F': _w.CursorUp(n); _w.CarriageReturn(); break;
            case (byte)'G':
            case (byte)'`': _w.CursorColumn(n); break;
            case (byte)'H':
            case (byte)'f': _w.CursorPosition(p.Get(0, 1), p.Get(1, 1)); break;
            case (byte)'I': _w.Tab(n); break;
            case (byte)'J': _w.EraseInDisplay(p[0]); break;
            case (byte)'K': _w.EraseInLine(p[0]); break;
            case (byte)'L': _w.InsertLines(n); break;
            case (byte)'M': _w.DeleteLines(n); break;
            case (byte)'P': _w.DeleteChars(n); break;
            case (byte)'S': _w.ScrollUp(n); break;
            case (byte)'T': if (p.Count <= 1) _w.ScrollDown(n); break;
            case (byte)'X': _w.EraseChars(n); break;
            case (byte)'Z': _w.BackTab(n); break;
            case (byte)'a': _w.CursorForward(n); break;
            case (byte)'b': _w.Repeat(n); break;
            case (byte)'c': if (p[0] == 0) Reply("\e[?62;22c"); break;
            case (byte)'d': _w.CursorRow(n); break;
            case (byte)'e': _w.CursorDown(n); break;
            case (byte)'g': _w.ClearTabStop(p[0]); break;
            case (byte)'h': SetAnsiModes(p, true); break;
            case (byte)'l': SetAnsiModes(p, false); break;
            case (byte)'m': Sgr.Apply(_m, p); break;
            case (byte)'n': DeviceStatus(p[0], false); break;
            case (byte)'r': _w.SetMargins(p[0], p[1]); break;
            case (byte)'s': if (p.Count == 0) _w.SaveCursor(); break;
            case (byte)'u': if (p.Count == 0) _w.RestoreCursor(); break;
        }
    }

    private void CsiPrivate(VtParams p, byte prefix, byte final)
    {
        switch ((char)prefix, (char)final)
        {
            case ('?', 'h'): SetPrivateModes(p, true); break;
            case ('?', 'l'): SetPrivateModes(p, false); break;
            case ('?', 'J'): _w.EraseInDisplay(p[0]); break;
            case ('?', 'K'): _w.EraseInLine(p[0]); break;
            case ('?', 'n'): DeviceStatus(p[0], true); break;
            case ('>', 'c'): if (p[0] == 0) Reply("\e[>1;10;0c"); break;
            case ('>', 'q'): if (p[0] == 0) Reply("\eP>|Godel 0.1\e\\"); break;
        }
    }

    private void CsiWithIntermediate(VtParams p, byte prefix, ReadOnlySpan<byte> intermediates, byte final)
    {
        if (intermediates.Length != 1) return;
        switch ((char)intermediates[0], (char)final)
        {
            case (' ', 'q') when prefix == 0:
                var style = p[0];
                if (style <= 6) _m.CursorStyle = style;
                break;
            case ('$', 'p'):
                ReportMode(p[0], prefix == '?');
                break;
            case ('!', 'p') when prefix == 0:
                SoftReset();
                break;
        }
    }

    /// <summary>DECSTR: modes and pen back to defaults, screen contents kept.</summary>
    private void SoftReset()
    {
        _m.Modes.CursorVisible = true;
        _m.Modes.Insert = false;
        _m.Modes.Origin = false;
        _m.Modes.AutoWrap = true;
        _m.Modes.ApplicationCursorKeys = false;
        _m.Modes.ApplicationKeypad = false;
        _m.Top = 0;
        _m.Bottom = _m.Rows - 1;
        _m.Pen = default;
        _m.G0Graphics = _m.G1Graphics = _m.ShiftOut = false;
        _m.SavedMain = default;
        _m.SavedAlternate = default;
    }

    private void DeviceStatus(int what, bool dec)
    {
        if (what == 5 && !dec)
        {
            Reply("\e[0n");
            return;
        }
        if (what != 6) return;
        var row = _m.Y + 1;
        if (_m.Modes.Origin) row = _m.Y - _m.Top + 1;
        Reply(dec ? $"\e[?{row};{_m.X + 1}R" : $"\e[{row};{_m.X + 1}R");
    }

    private void Reply(string text)
    {
        Span<byte> buffer = stackalloc byte[text.Length * 3];
        var n = System.Text.Encoding.UTF8.GetBytes(text, buffer);
        _events.Reply(buffer[..n]);
    }

    public void DcsHook(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final)
    {
        // No DCS sequence changes the screen here; the parser bounds what it passes through.
    }

    public void DcsPut(byte data)
    {
    }

    public void DcsUnhook()
    {
    }
}
