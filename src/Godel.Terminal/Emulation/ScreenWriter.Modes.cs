// Buffer switching (47/1047/1048/1049), reset (RIS) and resize.
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

internal sealed partial class ScreenWriter
{
    /// <summary>Applies an alternate-screen private mode (47, 1047, 1048, 1049).</summary>
    public void SetAlternateMode(int mode, bool on)
    {
        switch (mode)
        {
            case 47:
                SwitchBuffer(on);
                break;
            case 1047:
                if (!on && _m.AlternateActive) _m.Alternate.Clear();
                SwitchBuffer(on);
                break;
            case 1048:
                if (on) SaveCursor();
                else RestoreCursor();
                break;
            case 1049:
                if (on)
                {
                    if (_m.AlternateActive) return;
                    SaveCursor();
                    SwitchBuffer(true);
                    _m.Alternate.Clear();
                }
                else
                {
                    if (!_m.AlternateActive) return;
                    SwitchBuffer(false);
                    RestoreCursor();
                }
                break;
        }
    }

    private void SwitchBuffer(bool alternate)
    {
        _m.AlternateActive = alternate;
        _m.PendingWrap = false;
    }

    /// <summary>RIS: back to the state of a fresh terminal (history cleared too).</summary>
    public void Reset()
    {
        _m.Main.Clear();
        _m.Alternate.Clear();
        _m.History.Clear();
        _m.AlternateActive = false;
        _m.X = _m.Y = 0;
        _m.PendingWrap = false;
        _m.Pen = default;
        _m.Modes = ModeSet.Initial;
        _m.Top = 0;
        _m.Bottom = RowCount - 1;
        _m.TabStops = ScreenModel.DefaultTabs(Cols);
        _m.G0Graphics = _m.G1Graphics = _m.ShiftOut = false;
        _m.SavedMain = default;
        _m.SavedAlternate = default;
        _m.Title = "";
        _m.IconName = "";
        _m.CursorStyle = 0;
        _m.LastPrinted = 0;
    }

    /// <summary>Resizes both buffers (main reflows, alternate clips) and keeps every invariant.</summary>
    public void Resize(int columns, int rows)
    {
        columns = ScreenModel.Clamp(columns);
        rows = ScreenModel.Clamp(rows);
        if (columns == Cols && rows == RowCount) return;
        var oldCols = Cols;
        // The main screen's point to keep: the live cursor, or the cursor 1049 saved while the alternate screen is up.
        var alt = _m.AlternateActive;
        var (px, py) = alt ? (_m.SavedMain.X, _m.SavedMain.Y) : (_m.X + (_m.PendingWrap ? 1 : 0), _m.Y);
        var point = Reflow.Apply(_m, columns, rows, px, py);
        _m.Alternate.ResizeClip(columns, rows);
        if (alt)
        {
            _m.X = Math.Min(_m.X, columns - 1);
            _m.Y = Math.Min(_m.Y, rows - 1);
            if (_m.SavedMain.Valid) (_m.SavedMain.X, _m.SavedMain.Y) = point;
        }
        else
        {
            (_m.X, _m.Y) = point;
        }
        _m.PendingWrap = false;
        _m.Top = 0;
        _m.Bottom = rows - 1;
        ResizeTabs(oldCols, columns);
        ClampSaved(ref _m.SavedMain, columns, rows);
        ClampSaved(ref _m.SavedAlternate, columns, rows);
    }

    private void ResizeTabs(int oldCols, int columns)
    {
        var tabs = new bool[columns];
        Array.Copy(_m.TabStops, tabs, Math.Min(oldCols, columns));
        for (var i = (oldCols + 7) / 8 * 8; i < columns; i += 8) if (i >= oldCols) tabs[i] = true;
        _m.TabStops = tabs;
    }

    private static void ClampSaved(ref SavedCursor slot, int columns, int rows)
    {
        slot.X = Math.Min(slot.X, columns - 1);
        slot.Y = Math.Min(slot.Y, rows - 1);
    }
}
