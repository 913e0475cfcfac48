// Compact encoding of a row that left the screen: style runs followed by UTF-8 text, a few bytes per cell.
namespace Godel.Terminal.Screen;

/// <summary>
/// Format: varint cellCount, then runs until cellCount cells are covered. A run is varint cells,
/// a mask byte (1 fg, 2 fg-is-rgb, 4 bg, 8 bg-is-rgb, 16 attr, 32 fg-is-ansi, 64 bg-is-ansi), the colours (1 byte index or 3 bytes
/// RGB), varint attr, then one text item per cell: 0x00 blank, 0x01 + UTF-8 for a wide character
/// (its tail cell is implied), 0x02 + varint length + UTF-8 for a grapheme cluster, else UTF-8.
/// Trailing default blanks are not stored.
/// </summary>
internal static class LineCodec
{
    private const byte BlankByte = 0x00;
    private const byte WidePrefix = 0x01;
    private const byte ClusterPrefix = 0x02;
    private const byte WideClusterPrefix = 0x03;

    /// <summary>Worst-case encoded size of a row of <paramref name="cells"/> cells with short clusters.</summary>
    public static int MaxSize(int cells) => 8 + (cells * 24);

    /// <summary>Encodes <paramref name="cells"/> into <paramref name="output"/>; returns bytes written (grows via <paramref name="scratch"/>).</summary>
    public static int Encode(ReadOnlySpan<Cell> cells, ref byte[] scratch, ClusterTable clusters)
    {
        var length = TrimmedLength(cells);
        var need = MaxSize(length);
        if (scratch.Length < need) scratch = new byte[Math.Max(need, scratch.Length * 2)];
        var o = 0;
        WriteVarint(scratch, ref o, (uint)length);
        var i = 0;
        while (i < length)
        {
            var first = cells[i];
            var style = first.Attr & AttrBits.StyleMask;
            var end = i + 1;
            // A wide character's right half always travels with its left half, so runs never split a pair.
            while (end < length && (SameStyle(cells[end], first, style) || (cells[end].IsWideTail && cells[end - 1].IsWide))) end++;
            WriteVarint(scratch, ref o, (uint)(end - i));
            WriteStyle(scratch, ref o, first.Fg, first.Bg, style);
            o = WriteText(cells[i..end], ref scratch, o, clusters);
            i = end;
        }
        return o;
    }

    private static bool SameStyle(Cell c, Cell first, uint style) =>
        c.Fg == first.Fg && c.Bg == first.Bg && (c.Attr & AttrBits.StyleMask) == style;

    private static int TrimmedLength(ReadOnlySpan<Cell> cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            ref readonly var c = ref cells[i];
            if (c.Code != 0 || c.Bg != 0 || c.Attr != 0 || c.Fg != 0) return i + 1;
        }
        return 0;
    }

    private static void WriteStyle(byte[] b, ref int o, uint fg, uint bg, uint attr)
    {
        var mask = 0;
        if (fg != 0) mask |= (fg >> 24) switch { 2 => 3, 3 => 33, _ => 1 };
        if (bg != 0) mask |= (bg >> 24) switch { 2 => 12, 3 => 68, _ => 4 };
        if (attr != 0) mask |= 16;
        b[o++] = (byte)mask;
        WriteColor(b, ref o, fg);
        WriteColor(b, ref o, bg);
        if (attr != 0) WriteVarint(b, ref o, attr);
    }

    private static void WriteColor(byte[] b, ref int o, uint c)
    {
        if (c == 0) return;
        if ((c >> 24) == 2)
        {
            b[o++] = (byte)(c >> 16);
            b[o++] = (byte)(c >> 8);
        }
        b[o++] = (byte)c;
    }

    private static int WriteText(ReadOnlySpan<Cell> run, ref byte[] b, int o, ClusterTable clusters)
    {
        for (var k = 0; k < run.Length; k++)
        {
            var c = run[k];
            if (c.IsWideTail)
            {
                if (k == 0 || !run[k - 1].IsWide) b[o++] = BlankByte; // orphan half: keep the cell count right
                continue;
            }
            if (c.IsWide && (k + 1 >= run.Length || !run[k + 1].IsWideTail)) c.Attr &= ~AttrBits.Wide;
            var code = c.Code;
            if (code > 0 && code < 0x80 && !c.IsWide)
            {
                b[o++] = (byte)code;
                continue;
            }
            if (code == 0)
            {
                b[o++] = BlankByte;
                continue;
            }
            if (code < 0)
            {
                o = WriteCluster(clusters.Get(~code), c.IsWide, ref b, o);
                continue;
            }
            if (c.IsWide) b[o++] = WidePrefix;
            o += new System.Text.Rune(code).EncodeToUtf8(b.AsSpan(o));
        }
        return o;
    }

    private static int WriteCluster(string text, bool wide, ref byte[] b, int o)
    {
        var n = System.Text.Encoding.UTF8.GetByteCount(text);
        if (b.Length < o + n + 8) Array.Resize(ref b, (o + n + 8) * 2);
        b[o++] = wide ? WideClusterPrefix : ClusterPrefix;
        WriteVarint(b, ref o, (uint)n);
        return o + System.Text.Encoding.UTF8.GetBytes(text, b.AsSpan(o));
    }

    /// <summary>Decodes a line into <paramref name="cells"/> (blank-filled beyond the stored length, clipped to its size).</summary>
    public static void Decode(ReadOnlySpan<byte> data, Span<Cell> cells, ClusterTable clusters)
    {
        cells.Clear();
        var o = 0;
        var length = (int)ReadVarint(data, ref o);
        var col = 0;
        while (col < length && o < data.Length)
        {
            var runCells = (int)ReadVarint(data, ref o);
            if (o >= data.Length) return;
            var mask = data[o++];
            var fg = (mask & 1) != 0 ? ReadColor(data, ref o, (mask & 2) != 0, (mask & 32) != 0) : 0;
            var bg = (mask & 4) != 0 ? ReadColor(data, ref o, (mask & 8) != 0, (mask & 64) != 0) : 0;
            var attr = (mask & 16) != 0 ? ReadVarint(data, ref o) : 0;
            var end = col + runCells;
            while (col < end && o < data.Length)
            {
                col = DecodeCell(data, ref o, cells, col, fg, bg, attr, clusters);
            }
        }
    }

    private static int DecodeCell(ReadOnlySpan<byte> d, ref int o, Span<Cell> cells, int col, uint fg, uint bg, uint attr, ClusterTable clusters)
    {
        var b = d[o];
        int code;
        var wide = false;
        if (b == BlankByte)
        {
            o++;
            code = 0;
        }
        else if (b == ClusterPrefix || b == WideClusterPrefix)
        {
            o++;
            wide = b == WideClusterPrefix;
            var n = (int)ReadVarint(d, ref o);
            var id = clusters.Intern(System.Text.Encoding.UTF8.GetString(d.Slice(o, n)));
            o += n;
            code = id < 0 ? 0xFFFD : ~id;
        }
        else
        {
            if (b == WidePrefix)
            {
                wide = true;
                o++;
            }
            System.Text.Rune.DecodeFromUtf8(d[o..], out var rune, out var used);
            o += used;
            code = rune.Value;
        }
        if (col < cells.Length) cells[col] = new Cell(code, fg, bg, wide ? attr | AttrBits.Wide : attr);
        if (!wide) return col + 1;
        if (col + 1 < cells.Length) cells[col + 1] = new Cell(0, fg, bg, attr | AttrBits.WideTail);
        return col + 2;
    }

    /// <summary>The number of cells a stored line covers.</summary>
    public static int CellCount(ReadOnlySpan<byte> data)
    {
        var o = 0;
        return (int)ReadVarint(data, ref o);
    }

    private static uint ReadColor(ReadOnlySpan<byte> d, ref int o, bool rgb, bool ansi)
    {
        if (ansi) return 0x0300_0000u | d[o++];
        if (!rgb) return 0x0100_0000u | d[o++];
        var c = 0x0200_0000u | ((uint)d[o] << 16) | ((uint)d[o + 1] << 8) | d[o + 2];
        o += 3;
        return c;
    }

    private static void WriteVarint(byte[] b, ref int o, uint v)
    {
        while (v >= 0x80)
        {
            b[o++] = (byte)(v | 0x80);
            v >>= 7;
        }
        b[o++] = (byte)v;
    }

    private static uint ReadVarint(ReadOnlySpan<byte> d, ref int o)
    {
        uint v = 0;
        var shift = 0;
        while (o < d.Length)
        {
            var b = d[o++];
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
            if (shift > 28) break;
        }
        return v;
    }
}
