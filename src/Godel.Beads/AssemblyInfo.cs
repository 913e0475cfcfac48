// Marks the Godel.Beads assembly; the real types arrive with its issue.
namespace Godel.Beads;

internal static class AssemblyMarker;
