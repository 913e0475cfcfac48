// Test host for the pty trampoline: like the godel executable, it hands its arguments to PtyTrampoline first.
using Godel.Pty;

if (PtyTrampoline.TryRun(args))
    return 127;
await Console.Error.WriteLineAsync($"usage: Godel.Pty.TrampolineHost {PtyTrampoline.Verb} PROGRAM ARGV0 [ARGS...]");
return 2;
