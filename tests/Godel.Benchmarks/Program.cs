// Runs BenchmarkDotNet suites: `dotnet run -c Release --project tests/Godel.Benchmarks -- --filter '*'`,
// or a console benchmark: `... -- pty-cat FILE [--discard]` (tests/bench/pty-cat.sh), `... -- emu-feed FILE`,
// `... -- terminal-throughput FILE...`, `... -- terminal-memory FILE`,
// `... -- bead-create-profile [N]`.
using BenchmarkDotNet.Running;
using Godel.Benchmarks;

if (args.Length > 0 && args[0] == "pty-cat")
    return PtyCat.Run(args[1..]);
if (args.Length > 0 && args[0].StartsWith("terminal-", StringComparison.Ordinal)) return Godel.Benchmarks.Terminal.EmulatorThroughput.Run(args);
if (args.Length > 0 && args[0] == "bead-create-profile")
    return Godel.Benchmarks.Beads.BeadCreateProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "emu-feed")
    return EmuFeed.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
