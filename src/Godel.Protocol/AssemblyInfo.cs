// Marks the Godel.Protocol assembly; the real types arrive with its issue.
namespace Godel.Protocol;

internal static class AssemblyMarker;
