// Marks the Godel.Workspace assembly; the real types arrive with its issue.
namespace Godel.Workspace;

internal static class AssemblyMarker;
