// Runs BenchmarkDotNet suites: `dotnet run -c Release --project tests/Godel.Benchmarks -- --filter '*'`,
// or a console benchmark: `... -- pty-cat FILE [--discard]`.
using BenchmarkDotNet.Running;
using Godel.Benchmarks;

if (args.Length > 0 && args[0] == "pty-cat")
    return PtyCat.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
