// Marks the Godel.Daemon assembly; the real types arrive with its issue.
namespace Godel.Daemon;

internal static class AssemblyMarker;
