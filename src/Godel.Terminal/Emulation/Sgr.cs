// SGR (CSI … m): attributes, 16/256/RGB colours in ';' and ':' forms, underline styles and colour.
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Emulation;

/// <summary>Applies SGR parameters to the pen without allocating.</summary>
internal static class Sgr
{
    public static void Apply(ScreenModel m, VtParams p)
    {
        ref var pen = ref m.Pen;
        var extrasBefore = (pen.UnderlineColor, pen.Link);
        ApplyTo(ref pen, p);
        if ((pen.UnderlineColor, pen.Link) != extrasBefore) UpdateExtra(m, ref pen);
    }

    /// <summary>Applies the parameters to a pen, leaving its extra index as it was (the caller recomputes it).</summary>
    public static void ApplyTo(ref Pen pen, VtParams p)
    {
        if (p.Count == 0)
        {
            Reset(ref pen);
        }
        for (var i = 0; i < p.Count; i++)
        {
            if (p.IsSub(i)) continue; // stray sub-parameter of something we do not know
            i = ApplyOne(ref pen, p, i);
        }
    }

    private static void Reset(ref Pen pen)
    {
        pen.Fg = 0;
        pen.Bg = 0;
        pen.Attr &= ~0xFFFFu; // keep the extra index until it is recomputed
        pen.UnderlineColor = 0;
    }

    /// <summary>Recomputes the pen's extra index from underline colour and hyperlink.</summary>
    public static void UpdateExtra(ScreenModel m, ref Pen pen)
    {
        var extra = pen.UnderlineColor == 0 && pen.Link == 0 ? 0 : m.Extras.Intern(pen.UnderlineColor, pen.Link);
        pen.Attr = AttrBits.WithExtra(pen.Attr, extra);
    }

    /// <summary>Applies parameter i (and any it consumes); returns the index of the last one used.</summary>
    private static int ApplyOne(ref Pen pen, VtParams p, int i)
    {
        var v = p[i];
        switch (v)
        {
            case 0: Reset(ref pen); break;
            case 1: Set(ref pen, CellAttributes.Bold); break;
            case 2: Set(ref pen, CellAttributes.Dim); break;
            case 3: Set(ref pen, CellAttributes.Italic); break;
            case 4: return Underline(ref pen, p, i);
            case 5: Set(ref pen, CellAttributes.Blink); break;
            case 6: Set(ref pen, CellAttributes.RapidBlink); break;
            case 7: Set(ref pen, CellAttributes.Inverse); break;
            case 8: Set(ref pen, CellAttributes.Hidden); break;
            case 9: Set(ref pen, CellAttributes.Strikethrough); break;
            case 21: pen.Attr = AttrBits.WithUnderline(pen.Attr, (int)UnderlineStyle.Double); break;
            case 22: Clear(ref pen, CellAttributes.Bold | CellAttributes.Dim); break;
            case 23: Clear(ref pen, CellAttributes.Italic); break;
            case 24: pen.Attr = AttrBits.WithUnderline(pen.Attr, 0); break;
            case 25: Clear(ref pen, CellAttributes.Blink | CellAttributes.RapidBlink); break;
            case 27: Clear(ref pen, CellAttributes.Inverse); break;
            case 28: Clear(ref pen, CellAttributes.Hidden); break;
            case 29: Clear(ref pen, CellAttributes.Strikethrough); break;
            case >= 30 and <= 37: pen.Fg = Ansi(v - 30); break;
            case 38: return ExtendedColor(p, i, ref pen.Fg);
            case 39: pen.Fg = 0; break;
            case >= 40 and <= 47: pen.Bg = Ansi(v - 40); break;
            case 48: return ExtendedColor(p, i, ref pen.Bg);
            case 49: pen.Bg = 0; break;
            case 53: Set(ref pen, CellAttributes.Overline); break;
            case 55: Clear(ref pen, CellAttributes.Overline); break;
            case 58: return ExtendedColor(p, i, ref pen.UnderlineColor);
            case 59: pen.UnderlineColor = 0; break;
            case >= 90 and <= 97: pen.Fg = Ansi(v - 90 + 8); break;
            case >= 100 and <= 107: pen.Bg = Ansi(v - 100 + 8); break;
        }
        return SkipSubs(p, i);
    }

    private static uint Indexed(int index) => 0x0100_0000u | (uint)index;

    private static uint Ansi(int index) => 0x0300_0000u | (uint)index;

    private static void Set(ref Pen pen, CellAttributes a) => pen.Attr |= (uint)a;

    private static void Clear(ref Pen pen, CellAttributes a) => pen.Attr &= ~(uint)a;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int SkipSubs(VtParams p, int i)
    {
        while (p.IsSub(i + 1)) i++;
        return i;
    }

    /// <summary>4 or 4:n (0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed).</summary>
    private static int Underline(ref Pen pen, VtParams p, int i)
    {
        var style = 1;
        if (p.IsSub(i + 1))
        {
            style = p[i + 1];
            if (style > 5) style = 1;
        }
        pen.Attr = AttrBits.WithUnderline(pen.Attr, style);
        return SkipSubs(p, i);
    }

    /// <summary>38/48/58 followed by 5;n or 2;r;g;b, or the colon forms 5:n, 2:r:g:b and 2:cs:r:g:b.</summary>
    private static int ExtendedColor(VtParams p, int i, ref uint color)
    {
        if (p.IsSub(i + 1))
        {
            var subs = 0;
            while (p.IsSub(i + 1 + subs)) subs++;
            var kind = p[i + 1];
            if (kind == 5 && subs >= 2) color = Indexed(p[i + 2] & 0xFF);
            else if (kind == 2 && subs >= 5) color = Rgb(p[i + 3], p[i + 4], p[i + 5]);
            else if (kind == 2 && subs == 4) color = Rgb(p[i + 2], p[i + 3], p[i + 4]);
            return i + subs;
        }
        var mode = p[i + 1];
        if (mode == 5)
        {
            if (i + 2 < p.Count) color = Indexed(p[i + 2] & 0xFF);
            return Math.Min(i + 2, p.Count - 1);
        }
        if (mode == 2)
        {
            if (i + 4 < p.Count) color = Rgb(p[i + 2], p[i + 3], p[i + 4]);
            return Math.Min(i + 4, p.Count - 1);
        }
        return i + 1;
    }

    private static uint Rgb(int r, int g, int b) => 0x0200_0000u | ((uint)(r & 0xFF) << 16) | ((uint)(g & 0xFF) << 8) | (uint)(b & 0xFF);
}
