// The daemon runs on Unix (Linux, macOS): sockets with peer credentials, POSIX signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("macos")]
