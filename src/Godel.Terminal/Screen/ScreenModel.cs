// Everything one terminal holds: both buffers, cursor, pen, modes, margins, tabs, charsets, title, history.
namespace Godel.Terminal.Screen;

/// <summary>The SGR state new characters are drawn with.</summary>
internal struct Pen
{
    public uint Fg;
    public uint Bg;

    /// <summary>Style bits and extra index (never width bits).</summary>
    public uint Attr;
    public uint UnderlineColor;
    public int Link;
}

/// <summary>What DECSC saves and DECRC restores (one slot per buffer, like xterm).</summary>
internal struct SavedCursor
{
    public bool Valid;
    public int X;
    public int Y;
    public Pen Pen;
    public bool Origin;
    public bool G0Graphics;
    public bool G1Graphics;
    public bool ShiftOut;
}

/// <summary>Terminal modes set by the child (CSI h/l, CSI ? h/l, ESC =/>).</summary>
internal struct ModeSet
{
    public bool ApplicationCursorKeys; // ?1
    public bool Origin;                // ?6
    public bool AutoWrap;              // ?7
    public bool CursorVisible;         // ?25
    public bool CursorBlink;           // ?12
    public bool Insert;                // 4 (IRM)
    public bool LineFeedNewLine;       // 20 (LNM)
    public bool ApplicationKeypad;     // ESC =
    public MouseTracking Mouse;        // ?1000/?1002/?1003
    public bool MouseX10;              // ?9
    public bool SgrMouse;              // ?1006
    public bool Utf8Mouse;             // ?1005
    public bool UrxvtMouse;            // ?1015
    public bool FocusEvents;           // ?1004
    public bool BracketedPaste;        // ?2004
    public bool SynchronizedOutput;    // ?2026
    public bool ReverseVideo;          // ?5

    public static ModeSet Initial => new() { AutoWrap = true, CursorVisible = true };
}

/// <summary>The state the screen writer mutates and the serializers read.</summary>
internal sealed class ScreenModel
{
    public const int MaxDimension = 4096;

    public ScreenModel(TerminalOptions options)
    {
        Options = options;
        var cols = Clamp(options.Columns);
        var rows = Clamp(options.Rows);
        Main = new Grid(cols, rows);
        Alternate = new Grid(cols, rows);
        History = new Scrollback(options.ScrollbackBytes, options.ScrollbackLines);
        TabStops = DefaultTabs(cols);
        Modes = ModeSet.Initial;
        Bottom = rows - 1;
    }

    public TerminalOptions Options { get; }

    public Grid Main { get; }

    public Grid Alternate { get; }

    public bool AlternateActive;

    public Grid Active => AlternateActive ? Alternate : Main;

    public Scrollback History { get; set; }

    public ClusterTable Clusters { get; } = new();

    public StyleExtras Extras { get; } = new();

    public int Columns => Main.Columns;

    public int Rows => Main.Rows;

    // Cursor: 0-based; PendingWrap means the last column was written and the next print wraps first.
    public int X;
    public int Y;
    public bool PendingWrap;

    public Pen Pen;

    public ModeSet Modes;

    // Scroll region (inclusive rows).
    public int Top;
    public int Bottom;

    public bool[] TabStops;

    public bool G0Graphics;
    public bool G1Graphics;
    public bool ShiftOut;

    public SavedCursor SavedMain;
    public SavedCursor SavedAlternate;

    public string Title = "";
    public string IconName = "";

    /// <summary>DECSCUSR value (0 = terminal default).</summary>
    public int CursorStyle;

    /// <summary>The last printed character, for REP.</summary>
    public int LastPrinted;

    public bool CharsetGraphics => ShiftOut ? G1Graphics : G0Graphics;

    public static int Clamp(int n) => Math.Clamp(n, 1, MaxDimension);

    public static bool[] DefaultTabs(int columns)
    {
        var tabs = new bool[columns];
        for (var i = 8; i < columns; i += 8) tabs[i] = true;
        return tabs;
    }
}
