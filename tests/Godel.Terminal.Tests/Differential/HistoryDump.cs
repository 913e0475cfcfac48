// A terminal's scrollback in the neutral model: lines as a grid, and which line continues the one before (xterm.js's isWrapped).
namespace Godel.Terminal.Tests.Differential;

/// <summary>
/// <paramref name="Lines"/> holds the history lines, oldest first. <paramref name="ContinuesPrevious"/>
/// has one more entry than there are lines: entry i says line i continues line i-1, and the last entry
/// is the first screen row, so a soft wrap out of the newest history line is compared too.
/// </summary>
public sealed record HistoryDump(ScreenGrid Lines, IReadOnlyList<bool> ContinuesPrevious);
