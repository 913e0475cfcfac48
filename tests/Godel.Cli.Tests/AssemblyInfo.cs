// These tests drive real daemons, PTYs and signals: Unix only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
