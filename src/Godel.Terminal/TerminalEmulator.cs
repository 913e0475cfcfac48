// The emulator: parser → dispatcher → screen writer → grid + scrollback, behind ITerminalEmulator.
using Godel.Terminal.Emulation;
using Godel.Terminal.Parsing;
using Godel.Terminal.Screen;
using Godel.Terminal.Serialization;

namespace Godel.Terminal;

/// <summary>One emulated terminal. Not thread-safe: one thread feeds it and reads it at a time.</summary>
public sealed class TerminalEmulator : ITerminalEmulator
{
    private readonly ScreenModel _model;
    private readonly ScreenWriter _writer;
    private readonly VtParser _parser;

    public TerminalEmulator(TerminalOptions options, ITerminalEvents? events = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = new ScreenModel(options);
        _writer = new ScreenWriter(_model);
        _parser = new VtParser(new VtDispatcher(_writer, events ?? NoEvents.Instance));
        Screen = new TerminalScreen(_model);
    }

    public TerminalOptions Options => _model.Options;

    public int Columns => _model.Columns;

    public int Rows => _model.Rows;

    public string Title => _model.Title;

    /// <summary>Cell-level read access for renderers and tests.</summary>
    public TerminalScreen Screen { get; }

    internal ScreenModel Model => _model;

    public TerminalModes Modes => new()
    {
        ApplicationCursorKeys = _model.Modes.ApplicationCursorKeys,
        ApplicationKeypad = _model.Modes.ApplicationKeypad,
        BracketedPaste = _model.Modes.BracketedPaste,
        FocusEvents = _model.Modes.FocusEvents,
        MouseTracking = _model.Modes.Mouse,
        SgrMouse = _model.Modes.SgrMouse,
        AlternateScreen = _model.AlternateActive,
        CursorVisible = _model.Modes.CursorVisible,
    };

    /// <summary>True while the child holds synchronized output (mode 2026): renderers may wait before drawing.</summary>
    public bool SynchronizedOutput => _model.Modes.SynchronizedOutput;

    public void Feed(ReadOnlySpan<byte> data) => _parser.Feed(data);

    /// <summary>For tests: everything through the general parser path (no streaming or SGR memo shortcuts).</summary>
    internal void DisableFastPaths() => _parser.DisableFastPaths();

    public void Resize(int columns, int rows) => _writer.Resize(columns, rows);

    public byte[] Snapshot() => SnapshotWriter.Write(_model);

    public string Capture(CaptureOptions? options = null) => CaptureWriter.Write(_model, options ?? new CaptureOptions());

    private sealed class NoEvents : ITerminalEvents
    {
        public static readonly NoEvents Instance = new();
    }
}
