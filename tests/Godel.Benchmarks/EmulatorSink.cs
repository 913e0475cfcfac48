// Where pty-cat feeds the bytes it reads: Godel's terminal emulator, once it exists on this branch.
namespace Godel.Benchmarks;

internal sealed class EmulatorSink
{
    private EmulatorSink() { }

    /// <summary>Null while the emulator has not landed: pty-cat then only measures the PTY read path.</summary>
    internal static EmulatorSink? Create(int columns, int rows)
    {
        _ = (columns, rows);
        return null;
    }

    internal void Feed(ReadOnlySpan<byte> data) => _ = data;
}
