// Where pty-cat feeds the bytes it reads: Godel's terminal emulator (200x50 pane, 10k lines of history by default).
using Godel.Terminal;

namespace Godel.Benchmarks;

internal sealed class EmulatorSink
{
    private readonly TerminalEmulator _terminal;

    private EmulatorSink(TerminalEmulator terminal) => _terminal = terminal;

    internal static EmulatorSink? Create(int columns, int rows) =>
        new(new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows, ScrollbackLines = 10_000 }));

    internal void Feed(ReadOnlySpan<byte> data) => _terminal.Feed(data);
}
