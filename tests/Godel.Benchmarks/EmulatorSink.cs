// Where pty-cat feeds the bytes it reads: Godel's terminal emulator at the pane size, 10k lines of scrollback.
using Godel.Terminal;

namespace Godel.Benchmarks;

internal sealed class EmulatorSink(TerminalEmulator emulator)
{
    internal static EmulatorSink Create(int columns, int rows) =>
        new(new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows, ScrollbackLines = 10_000 }));

    internal void Feed(ReadOnlySpan<byte> data) => emulator.Feed(data);

    /// <summary>The last non-empty screen line: shows the bytes really went through the emulator.</summary>
    internal string LastLine() => emulator.Capture().TrimEnd().Split('\n')[^1];
}
