// The contract of one emulated terminal screen, as the daemon, attach and the TUI use it.
namespace Godel.Terminal;

/// <summary>Options fixed when an emulator is created.</summary>
public sealed record TerminalOptions
{
    public int Columns { get; init; } = 80;
    public int Rows { get; init; } = 24;

    /// <summary>Byte budget for scrollback (lines stored compactly once they leave the screen).</summary>
    public long ScrollbackBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Also cap scrollback by lines (0 = bytes only).</summary>
    public int ScrollbackLines { get; init; } = 10_000;

    /// <summary>OSC 52 clipboard writes are ignored unless this is on.</summary>
    public bool AllowClipboardWrite { get; init; }

    /// <summary>Default foreground as 0xRRGGBB, reported to OSC 10 queries.</summary>
    public int DefaultForeground { get; init; } = 0xD0D0D0;

    /// <summary>Default background as 0xRRGGBB, reported to OSC 11 queries.</summary>
    public int DefaultBackground { get; init; } = 0x000000;
}

/// <summary>How to render a capture, like `tmux capture-pane -p [-e]`.</summary>
public sealed record CaptureOptions
{
    /// <summary>Include SGR escape sequences for colours and attributes.</summary>
    public bool WithEscapes { get; init; }

    /// <summary>Number of scrollback lines to prepend (0 = visible screen only; int.MaxValue = all).</summary>
    public int ScrollbackLines { get; init; }

    /// <summary>Keep trailing spaces on each line.</summary>
    public bool KeepTrailingSpaces { get; init; }

    /// <summary>Include the visible screen after the scrollback lines; false captures history only (`capture-pane -S - -E -1`).</summary>
    public bool IncludeScreen { get; init; } = true;
}

/// <summary>Things the child asked for that the host should act on.</summary>
public interface ITerminalEvents
{
    /// <summary>A reply the terminal must send back to the child (DA, DSR/CPR, DECRQM, XTVERSION, OSC 10/11).</summary>
    void Reply(ReadOnlySpan<byte> bytes) { }

    void Bell() { }

    /// <summary>OSC 9 or OSC 777 notification.</summary>
    void Notify(string title, string body) { }

    void TitleChanged(string title) { }

    /// <summary>OSC 52 write, only when allowed.</summary>
    void ClipboardWrite(string selection, byte[] data) { }
}

/// <summary>One terminal: feed it the child's output, read the screen, serialize it for attach.</summary>
public interface ITerminalEmulator
{
    int Columns { get; }
    int Rows { get; }
    string Title { get; }

    /// <summary>Processes output from the child. Sequences may be split across calls at any byte.</summary>
    void Feed(ReadOnlySpan<byte> data);

    /// <summary>Changes the size; soft-wrapped lines reflow.</summary>
    void Resize(int columns, int rows);

    /// <summary>VT bytes that reproduce this screen exactly (both buffers, cursor, modes, attributes, title) when fed to a fresh emulator of the same size.</summary>
    byte[] Snapshot();

    /// <summary>The screen and/or scrollback as text.</summary>
    string Capture(CaptureOptions? options = null);

    /// <summary>The child's current input modes, for encoding keys, mouse, paste and focus.</summary>
    TerminalModes Modes { get; }
}

/// <summary>Input-affecting modes the child has set.</summary>
public sealed record TerminalModes
{
    public bool ApplicationCursorKeys { get; init; }
    public bool ApplicationKeypad { get; init; }
    public bool BracketedPaste { get; init; }
    public bool FocusEvents { get; init; }
    public MouseTracking MouseTracking { get; init; }
    public bool SgrMouse { get; init; }
    public bool AlternateScreen { get; init; }
    public bool CursorVisible { get; init; } = true;
}

public enum MouseTracking
{
    Off,
    /// <summary>1000: press and release.</summary>
    Normal,
    /// <summary>1002: plus motion while a button is down.</summary>
    ButtonEvent,
    /// <summary>1003: all motion.</summary>
    AnyEvent,
}
