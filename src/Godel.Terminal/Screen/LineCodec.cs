// Compact encoding of a row that left the screen: style runs followed by UTF-8 text, a few bytes per cell.
using System.Runtime.InteropServices;

namespace Godel.Terminal.Screen;

/// <summary>
/// Format: varint cellCount, then runs until cellCount cells are covered. A run is varint cells,
/// a mask byte (1 fg, 2 fg-is-rgb, 4 bg, 8 bg-is-rgb, 16 attr, 32 fg-is-ansi, 64 bg-is-ansi, 128 blank run: no text follows), the colours (1 byte index or 3 bytes
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
    private const int BlankRunFlag = 128;

    /// <summary>Cells one style run can count (its count is a two-byte varint).</summary>
    public const int MaxRunCells = 0x3FFF;

    /// <summary>Worst-case encoded size of a row of <paramref name="cells"/> cells with short clusters.</summary>
    public static int MaxSize(int cells) => 8 + (cells * 24);

    /// <summary>Encodes <paramref name="cells"/> into <paramref name="scratch"/> (grown when needed); returns bytes written.</summary>
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
            ref readonly var c = ref cells[i];
            i = c.Code == 0 && c.Fg == 0 && c.Attr == 0
                ? EncodeBlankRun(cells, i, length, scratch, ref o)
                : EncodeStyleRun(cells, i, length, ref scratch, ref o, clusters);
        }
        return o;
    }

    /// <summary>Blank (erased) cells sharing a background: header only, no text.</summary>
    private static int EncodeBlankRun(ReadOnlySpan<Cell> cells, int i, int length, byte[] b, ref int o)
    {
        var bg = cells[i].Bg;
        int end;
        if (bg == 0)
        {
            // All-zero cells: find the next non-zero byte with a vectorized search.
            var bytes = MemoryMarshal.AsBytes(cells[i..length]);
            var nz = bytes.IndexOfAnyExcept((byte)0);
            end = nz < 0 ? length : i + (nz / 16);
        }
        else
        {
            end = i + 1;
            while (end < length && cells[end].Code == 0 && cells[end].Fg == 0 && cells[end].Attr == 0 && cells[end].Bg == bg) end++;
        }
        WriteVarint(b, ref o, (uint)(end - i));
        WriteStyle(b, ref o, 0, bg, 0, BlankRunFlag);
        return end;
    }

    /// <summary>Cells sharing one style: header (count patched in afterwards), then one text item per cell.</summary>
    private static int EncodeStyleRun(ReadOnlySpan<Cell> cells, int i, int length, ref byte[] b, ref int o, ClusterTable clusters)
    {
        ref readonly var first = ref cells[i];
        var fg = first.Fg;
        var bg = first.Bg;
        var style = first.Attr & AttrBits.StyleMask;
        var countAt = o;
        o += 2; // two-byte varint slot, patched below
        WriteStyle(b, ref o, fg, bg, style, 0);
        var end = i;
        for (; end < length; end++)
        {
            ref readonly var c = ref cells[end];
            if (c.Fg != fg || c.Bg != bg || (c.Attr & AttrBits.StyleMask) != style) break;
            var code = c.Code;
            if ((uint)(code - 1) < 0x7F && (c.Attr & AttrBits.WidthMask) == 0)
            {
                b[o++] = (byte)code;
                continue;
            }
            if (code == 0 && (c.Attr & AttrBits.WideTail) == 0) break; // blanks get their own run
            o = WriteSlow(cells, end, ref b, o, clusters);
        }
        PatchRunCount(b, countAt, end - i);
        return end;
    }

    /// <summary>Fills the two-byte count slot of a style run.</summary>
    public static void PatchRunCount(byte[] b, int at, int count)
    {
        b[at] = (byte)(count | 0x80);
        b[at + 1] = (byte)(count >> 7);
    }

    /// <summary>The header of a run of default blank cells (what <see cref="Encode"/> writes for a gap).</summary>
    public static void WriteBlankRunHeader(byte[] b, ref int o, int cells)
    {
        WriteVarint(b, ref o, (uint)cells);
        WriteStyle(b, ref o, 0, 0, 0, BlankRunFlag);
    }

    /// <summary>A style run's header after its count slot; one text byte per ASCII cell follows.</summary>
    public static void WriteStyleHeader(byte[] b, ref int o, uint fg, uint bg, uint attr) => WriteStyle(b, ref o, fg, bg, attr, 0);

    /// <summary>Writes the cell-count header of a line whose runs are already encoded; returns bytes written (at most 5).</summary>
    public static int WriteHeader(Span<byte> b, int cellCount)
    {
        var o = 0;
        var v = (uint)cellCount;
        while (v >= 0x80)
        {
            b[o++] = (byte)(v | 0x80);
            v >>= 7;
        }
        b[o++] = (byte)v;
        return o;
    }

    private static int WriteSlow(ReadOnlySpan<Cell> cells, int k, ref byte[] b, int o, ClusterTable clusters)
    {
        var c = cells[k];
        if (b.Length < o + 64) Array.Resize(ref b, b.Length * 2);
        if (c.IsWideTail)
        {
            if (k == 0 || !cells[k - 1].IsWide) b[o++] = BlankByte; // orphan half: keep the cell count right
            return o;
        }
        var wide = c.IsWide && k + 1 < cells.Length && cells[k + 1].IsWideTail;
        if (c.Code < 0) return WriteCluster(clusters.Get(~c.Code), wide, ref b, o);
        if (wide) b[o++] = WidePrefix;
        return o + new System.Text.Rune(c.Code).EncodeToUtf8(b.AsSpan(o));
    }

    private static int TrimmedLength(ReadOnlySpan<Cell> cells)
    {
        var last = MemoryMarshal.AsBytes(cells).LastIndexOfAnyExcept((byte)0);
        return last < 0 ? 0 : (last / 16) + 1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void WriteStyle(byte[] b, ref int o, uint fg, uint bg, uint attr, int flags)
    {
        var mask = flags;
        if (fg != 0) mask |= (fg >> 24) switch { 2 => 3, 3 => 33, _ => 1 };
        if (bg != 0) mask |= (bg >> 24) switch { 2 => 12, 3 => 68, _ => 4 };
        if (attr != 0) mask |= 16;
        b[o++] = (byte)mask;
        WriteColor(b, ref o, fg);
        WriteColor(b, ref o, bg);
        if (attr != 0) WriteVarint(b, ref o, attr);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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
        DecodeRuns(data[o..], length, cells, clusters);
    }

    /// <summary>Decodes runs covering <paramref name="length"/> cells into cleared <paramref name="cells"/>; clusters may be null when the runs hold none.</summary>
    public static void DecodeRuns(ReadOnlySpan<byte> data, int length, Span<Cell> cells, ClusterTable? clusters)
    {
        var o = 0;
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
            if ((mask & BlankRunFlag) != 0)
            {
                var stop = Math.Min(end, cells.Length);
                if (col < stop && bg != 0) cells[col..stop].Fill(Cell.Blank(bg));
                col = end;
                continue;
            }
            while (col < end && o < data.Length)
            {
                col = DecodeCell(data, ref o, cells, col, fg, bg, attr, clusters);
            }
        }
    }

    private static int DecodeCell(ReadOnlySpan<byte> d, ref int o, Span<Cell> cells, int col, uint fg, uint bg, uint attr, ClusterTable? clusters)
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
            var id = clusters is null ? -1 : clusters.Intern(System.Text.Encoding.UTF8.GetString(d.Slice(o, n)));
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
