// Runs BenchmarkDotNet suites: `dotnet run -c Release --project tests/Godel.Benchmarks -- --filter '*'`.
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0].StartsWith("terminal-", StringComparison.Ordinal)) return Godel.Benchmarks.Terminal.EmulatorThroughput.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
