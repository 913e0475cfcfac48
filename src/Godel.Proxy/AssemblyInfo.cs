// Marks the Godel.Proxy assembly; the real types arrive with its issue.
namespace Godel.Proxy;

internal static class AssemblyMarker;
