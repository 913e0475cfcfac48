// Runs BenchmarkDotNet suites: `dotnet run -c Release --project tests/Godel.Benchmarks -- --filter '*'`,
// or a console benchmark: `... -- pty-cat FILE [--discard]` (see tests/bench/pty-cat.sh) or `... -- emu-feed FILE`.
using BenchmarkDotNet.Running;
using Godel.Benchmarks;

if (args.Length > 0 && args[0] == "pty-cat")
    return PtyCat.Run(args[1..]);
if (args.Length > 0 && args[0] == "emu-feed")
    return EmuFeed.Run(args[1..]);
if (args.Length > 0 && args[0].StartsWith("terminal-", StringComparison.Ordinal)) return Godel.Benchmarks.Terminal.EmulatorThroughput.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
