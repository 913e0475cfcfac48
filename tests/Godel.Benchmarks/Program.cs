// Runs BenchmarkDotNet suites: `dotnet run -c Release --project tests/Godel.Benchmarks -- --filter '*'`.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
