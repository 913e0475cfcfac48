// Cursor motion, scroll margins, DECSC/DECRC.
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

internal sealed partial class ScreenWriter
{
    /// <summary>CUU: up n, stopping at the top margin when starting inside the region.</summary>
    public void CursorUp(int n)
    {
        var limit = _m.Y >= _m.Top ? _m.Top : 0;
        MoveTo(_m.X, Math.Max(limit, _m.Y - n));
    }

    /// <summary>CUD: down n, stopping at the bottom margin when starting inside the region.</summary>
    public void CursorDown(int n)
    {
        var limit = _m.Y <= _m.Bottom ? _m.Bottom : RowCount - 1;
        MoveTo(_m.X, Math.Min(limit, _m.Y + n));
    }

    public void CursorForward(int n) => MoveTo(Math.Min(Cols - 1, _m.X + n), _m.Y);

    public void CursorBack(int n) => MoveTo(Math.Max(0, _m.X - n), _m.Y);

    /// <summary>CUP/HVP with 1-based arguments; relative to the scroll region in origin mode.</summary>
    public void CursorPosition(int row, int col)
    {
        var y = row - 1;
        if (_m.Modes.Origin) y = Math.Clamp(y + _m.Top, _m.Top, _m.Bottom);
        MoveTo(col - 1, y);
    }

    /// <summary>CHA/HPA: 1-based column.</summary>
    public void CursorColumn(int col) => MoveTo(col - 1, _m.Y);

    /// <summary>VPA: 1-based row, origin-aware.</summary>
    public void CursorRow(int row)
    {
        var y = row - 1;
        if (_m.Modes.Origin) y = Math.Clamp(y + _m.Top, _m.Top, _m.Bottom);
        MoveTo(_m.X, y);
    }

    private void MoveTo(int x, int y)
    {
        _m.PendingWrap = false;
        _m.X = Math.Clamp(x, 0, Cols - 1);
        _m.Y = Math.Clamp(y, 0, RowCount - 1);
    }

    /// <summary>DECSTBM with 1-based inclusive rows (0 = default); homes the cursor.</summary>
    public void SetMargins(int top, int bottom)
    {
        var t = top == 0 ? 0 : top - 1;
        var b = bottom == 0 ? RowCount - 1 : Math.Min(bottom, RowCount) - 1;
        if (t >= b) return;
        _m.Top = t;
        _m.Bottom = b;
        CursorPosition(1, 1);
    }

    /// <summary>DECSC: saves position, pen, origin mode and charsets in the active buffer's slot.</summary>
    public void SaveCursor()
    {
        ref var slot = ref _m.AlternateActive ? ref _m.SavedAlternate : ref _m.SavedMain;
        slot = new SavedCursor
        {
            Valid = true,
            X = _m.X,
            Y = _m.Y,
            Pen = _m.Pen,
            Origin = _m.Modes.Origin,
            G0Graphics = _m.G0Graphics,
            G1Graphics = _m.G1Graphics,
            ShiftOut = _m.ShiftOut,
        };
    }

    /// <summary>DECRC: restores the slot, or homes with default rendition when nothing was saved.</summary>
    public void RestoreCursor()
    {
        var slot = _m.AlternateActive ? _m.SavedAlternate : _m.SavedMain;
        if (!slot.Valid)
        {
            _m.Pen = default;
            _m.Modes.Origin = false;
            _m.G0Graphics = _m.G1Graphics = _m.ShiftOut = false;
            MoveTo(0, 0);
            return;
        }
        _m.Pen = slot.Pen;
        _m.Modes.Origin = slot.Origin;
        _m.G0Graphics = slot.G0Graphics;
        _m.G1Graphics = slot.G1Graphics;
        _m.ShiftOut = slot.ShiftOut;
        // In origin mode the cursor never leaves the scroll region, even when margins changed since DECSC.
        MoveTo(slot.X, slot.Origin ? Math.Clamp(slot.Y, _m.Top, _m.Bottom) : slot.Y);
    }
}
