// SM/RM, DECSET/DECRST and DECRQM: which mode numbers exist and where they live.
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

internal sealed partial class VtDispatcher
{
    private void SetAnsiModes(VtParams p, bool on)
    {
        for (var i = 0; i < p.Count; i++)
        {
            switch (p[i])
            {
                case 4: _m.Modes.Insert = on; break;
                case 20: _m.Modes.LineFeedNewLine = on; break;
            }
        }
    }

    private void SetPrivateModes(VtParams p, bool on)
    {
        for (var i = 0; i < p.Count; i++) SetPrivateMode(p[i], on);
    }

    private void SetPrivateMode(int mode, bool on)
    {
        switch (mode)
        {
            case 1: _m.Modes.ApplicationCursorKeys = on; break;
            case 5: _m.Modes.ReverseVideo = on; break;
            case 6:
                _m.Modes.Origin = on;
                _w.CursorPosition(1, 1);
                break;
            case 7: _m.Modes.AutoWrap = on; if (!on) _m.PendingWrap = false; break;
            case 9: _m.Modes.MouseX10 = on; break;
            case 12: _m.Modes.CursorBlink = on; break;
            case 25: _m.Modes.CursorVisible = on; break;
            case 47:
            case 1047:
            case 1048:
            case 1049: _w.SetAlternateMode(mode, on); break;
            case 1000: SetMouse(MouseTracking.Normal, on); break;
            case 1002: SetMouse(MouseTracking.ButtonEvent, on); break;
            case 1003: SetMouse(MouseTracking.AnyEvent, on); break;
            case 1004: _m.Modes.FocusEvents = on; break;
            case 1005: _m.Modes.Utf8Mouse = on; break;
            case 1006: _m.Modes.SgrMouse = on; break;
            case 1015: _m.Modes.UrxvtMouse = on; break;
            case 2004: _m.Modes.BracketedPaste = on; break;
            case 2026: _m.Modes.SynchronizedOutput = on; break;
        }
    }

    private void SetMouse(MouseTracking tracking, bool on)
    {
        if (on) _m.Modes.Mouse = tracking;
        else _m.Modes.Mouse = MouseTracking.Off;
    }

    /// <summary>DECRQM: 1 set, 2 reset, 0 not recognised.</summary>
    private void ReportMode(int mode, bool dec)
    {
        var state = dec ? PrivateModeState(mode) : AnsiModeState(mode);
        Reply(dec ? $"\e[?{mode};{state}$y" : $"\e[{mode};{state}$y");
    }

    private int AnsiModeState(int mode) => mode switch
    {
        4 => On(_m.Modes.Insert),
        20 => On(_m.Modes.LineFeedNewLine),
        _ => 0,
    };

    private int PrivateModeState(int mode) => mode switch
    {
        1 => On(_m.Modes.ApplicationCursorKeys),
        5 => On(_m.Modes.ReverseVideo),
        6 => On(_m.Modes.Origin),
        7 => On(_m.Modes.AutoWrap),
        9 => On(_m.Modes.MouseX10),
        12 => On(_m.Modes.CursorBlink),
        25 => On(_m.Modes.CursorVisible),
        47 or 1047 or 1049 => On(_m.AlternateActive),
        1048 => 2,
        1000 => On(_m.Modes.Mouse == MouseTracking.Normal),
        1002 => On(_m.Modes.Mouse == MouseTracking.ButtonEvent),
        1003 => On(_m.Modes.Mouse == MouseTracking.AnyEvent),
        1004 => On(_m.Modes.FocusEvents),
        1005 => On(_m.Modes.Utf8Mouse),
        1006 => On(_m.Modes.SgrMouse),
        1015 => On(_m.Modes.UrxvtMouse),
        2004 => On(_m.Modes.BracketedPaste),
        2026 => On(_m.Modes.SynchronizedOutput),
        _ => 0,
    };

    private static int On(bool value) => value ? 1 : 2;
}
