// Godel runs its daemon on Unix; these tests use Unix file modes and sockets.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
