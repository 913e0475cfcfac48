// Marks the Godel.Tui assembly; the real types arrive with its issue.
namespace Godel.Tui;

internal static class AssemblyMarker;
