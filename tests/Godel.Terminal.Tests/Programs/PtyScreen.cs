// A real program on a Godel pseudo-terminal, its output fed into Godel's emulator; tests type keys and wait for screens.
using System.Text;
using Godel.Pty;
using Godel.Terminal.Input;

namespace Godel.Terminal.Tests.Programs;

/// <summary>
/// Owns one child on a PTY and one emulator. A background reader feeds the emulator and sends its
/// replies (DA, CPR…) back to the child, as the daemon will. Keys go through Godel's encoders with
/// the modes the child has set. Every access to the emulator holds one lock.
/// </summary>
public sealed class PtyScreen : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private readonly Lock _gate = new();
    private readonly TerminalEmulator _terminal;
    private readonly IPtyProcess _process;
    private readonly Task _reader;
    private readonly string _home;
    private long _bytesRead;
    private readonly MemoryStream _output = new();

    private PtyScreen(string program, IReadOnlyList<string> args, int columns, int rows, string? workingDirectory, IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        _home = Directory.CreateTempSubdirectory("godel-pty-home-").FullName;
        _terminal = new TerminalEmulator(new TerminalOptions { Columns = columns, Rows = rows }, new Replies(this));
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = _home,
            ["TERM"] = "xterm-256color",
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        _process = PtyProcess.Spawn(new PtySpawnOptions
        {
            Program = program,
            Args = args,
            Environment = environment,
            WorkingDirectory = workingDirectory ?? _home,
            Columns = columns,
            Rows = rows,
        });
        _reader = Task.Run(ReadAsync);
    }

    public static PtyScreen Start(string program, IReadOnlyList<string> args, int columns = 80, int rows = 24, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(program, args, columns, rows, workingDirectory, environment);

    public static bool OnPath(string name) => Differential.ToolProcess.OnPath(name);

    public IPtyProcess Process => _process;

    /// <summary>Reads the screen under the lock.</summary>
    public T Read<T>(Func<TerminalEmulator, T> read)
    {
        lock (_gate)
        {
            return read(_terminal);
        }
    }

    public string Text() => Read(t => t.Capture());

    public void Type(string text) => _process.Write(Encoding.UTF8.GetBytes(text));

    public void Write(ReadOnlySpan<byte> bytes) => _process.Write(bytes);

    public void Press(KeyInput key) => _process.Write(KeyEncoder.Encode(key, Read(t => t.Modes)));

    /// <summary>Waits until <paramref name="condition"/> holds on the screen; fails with the screen text on timeout.</summary>
    public async Task WaitUntilAsync(Func<TerminalEmulator, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!Read(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}. Screen:\n{Text()}");
            }

            if (_reader.IsCompleted && !Read(condition))
            {
                throw new Xunit.Sdk.XunitException($"Output ended before {what}. Screen:\n{Text()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Everything the child has written so far: a recorded stream to replay into a reference terminal.</summary>
    public byte[] Recording() => Read(_ => _output.ToArray());

    /// <summary>Bytes the child has written so far.</summary>
    public long BytesRead => Read(_ => _bytesRead);

    /// <summary>Waits until the child has written more than <paramref name="after"/> bytes and then nothing for
    /// <paramref name="quiet"/>: for programs that discard keys typed before they are ready (vttest flushes input).</summary>
    public async Task WaitForQuietAsync(long after, TimeSpan? quiet = null, TimeSpan? timeout = null)
    {
        var settle = quiet ?? TimeSpan.FromMilliseconds(300);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var last = BytesRead;
        var since = DateTime.UtcNow;
        while (last <= after || DateTime.UtcNow - since < settle)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for output to settle. Screen:\n{Text()}");
            }

            await Task.Delay(20);
            var now = BytesRead;
            if (now != last)
            {
                last = now;
                since = DateTime.UtcNow;
            }
        }
    }

    /// <summary>Types <paramref name="text"/> and waits for the child's answer to settle.</summary>
    public async Task TypeAndSettleAsync(string text)
    {
        var before = BytesRead;
        Type(text);
        await WaitForQuietAsync(before);
    }

    public Task WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitUntilAsync(t => t.Capture().Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    private async Task ReadAsync()
    {
        var buffer = new byte[16384];
        while (true)
        {
            var n = await _process.Output.ReadAsync(buffer);
            if (n == 0)
            {
                return;
            }

            lock (_gate)
            {
                _terminal.Feed(buffer.AsSpan(0, n));
                _output.Write(buffer, 0, n);
                _bytesRead += n;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException)
        {
            // The reader ends with the PTY; an error on a closed master is expected here.
        }

        Directory.Delete(_home, recursive: true);
    }

    /// <summary>Sends the emulator's replies back to the child, like the daemon does.</summary>
    private sealed class Replies(PtyScreen owner) : ITerminalEvents
    {
        public void Reply(ReadOnlySpan<byte> bytes) => owner._process.Write(bytes);
    }
}
