// tmux's SGR diff for capture-pane -e: a leading 0 when an attribute drops, new attributes, then one CSI per changed colour.
using System.Text;
using Godel.Terminal.Screen;

namespace Godel.Terminal.Serialization;

/// <summary>The last cell's style, as tmux's <c>lastgc</c>; starts at the default cell.</summary>
internal struct TmuxSgrState
{
    private uint _attrs;   // tmux attribute set, bit i = Codes[i]
    private uint _fg;
    private uint _bg;
    private uint _ul;

    private static readonly int[] Codes = [1, 2, 3, 4, 5, 7, 8, 9, 42, 43, 44, 45, 53];

    /// <summary>Appends the codes that move from the last cell's style to <paramref name="c"/>'s.</summary>
    public void Transition(StringBuilder sb, ScreenModel m, Cell c)
    {
        var attrs = TmuxAttrs(c.Attr);
        var ul = m.Extras.Get(AttrBits.Extra(c.Attr)).UnderlineColor;
        Span<int> s = stackalloc int[16];
        var n = 0;
        var last = _attrs;
        if ((~attrs & last) != 0)
        {
            s[n++] = 0;
            last = 0;
        }
        for (var i = 0; i < Codes.Length; i++)
        {
            if ((attrs & (1u << i)) != 0 && (last & (1u << i)) == 0) s[n++] = Codes[i];
        }
        if (n > 0)
        {
            sb.Append("\e[");
            for (var i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(';');
                if (s[i] < 10) sb.Append(s[i]);
                else sb.Append(s[i] / 10).Append(':').Append(s[i] % 10);
            }
            sb.Append('m');
        }
        var reset = n > 0 && s[0] == 0;
        AddColor(sb, 30, c.Fg, _fg, reset);
        AddColor(sb, 40, c.Bg, _bg, reset);
        if (ul != 0 && (ul != _ul || reset)) AppendColor(sb, 50, ul);
        _attrs = attrs;
        _fg = c.Fg;
        _bg = c.Bg;
        _ul = ul;
    }

    /// <summary>tmux re-emits colours after a reset even when unchanged (packed colours are equal exactly when tmux's codes are).</summary>
    private static void AddColor(StringBuilder sb, int @base, uint now, uint before, bool reset)
    {
        if (now != before || reset) AppendColor(sb, @base, now);
    }

    private static void AppendColor(StringBuilder sb, int @base, uint color)
    {
        var kind = color >> 24;
        var ext = @base + 8;
        sb.Append("\e[");
        switch (kind)
        {
            case 1: sb.Append(ext).Append(";5;").Append(color & 0xFF); break;
            case 2: sb.Append(ext).Append(";2;").Append((color >> 16) & 0xFF).Append(';').Append((color >> 8) & 0xFF).Append(';').Append(color & 0xFF); break;
            case 3:
                var i = (int)(color & 0xF);
                sb.Append(i < 8 ? @base + i : @base + 60 + i - 8);
                break;
            default: sb.Append(@base + 9); break;
        }
        sb.Append('m');
    }

    private static uint TmuxAttrs(uint attr)
    {
        var f = (CellAttributes)(attr & AttrBits.FlagsMask);
        uint t = 0;
        if (f.HasFlag(CellAttributes.Bold)) t |= 1u << 0;
        if (f.HasFlag(CellAttributes.Dim)) t |= 1u << 1;
        if (f.HasFlag(CellAttributes.Italic)) t |= 1u << 2;
        if ((f & (CellAttributes.Blink | CellAttributes.RapidBlink)) != 0) t |= 1u << 4;
        if (f.HasFlag(CellAttributes.Inverse)) t |= 1u << 5;
        if (f.HasFlag(CellAttributes.Hidden)) t |= 1u << 6;
        if (f.HasFlag(CellAttributes.Strikethrough)) t |= 1u << 7;
        if (f.HasFlag(CellAttributes.Overline)) t |= 1u << 12;
        switch (AttrBits.Underline(attr))
        {
            case 1: t |= 1u << 3; break;
            case 2: t |= 1u << 8; break;
            case 3: t |= 1u << 9; break;
            case 4: t |= 1u << 10; break;
            case 5: t |= 1u << 11; break;
        }
        return t;
    }
}
