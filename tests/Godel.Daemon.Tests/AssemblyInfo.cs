// The daemon and these tests run on Unix.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
