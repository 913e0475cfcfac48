// These tests drive real Linux pseudo-terminals and read /proc: they are the Linux proof (see src/Godel.Pty/README.md).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
