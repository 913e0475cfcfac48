// The console a verb reads and writes: real stdio in the executable, string readers and writers in tests.
namespace Godel.Cli;

/// <summary>Where a verb reads and writes. Tests pass their own to run verbs in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>True when Out is an interactive terminal (colour, tables sized to the window).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org).</summary>
    public bool UseColour => IsTerminal && string.IsNullOrEmpty(GetEnv("NO_COLOR"));

    /// <summary>Where a verb reads answers from (`bead edit`'s "edit again?"); nothing unless given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when <see cref="In"/> is a person at a terminal, so a prompt can be answered rather than hang.</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>The byte stream under <see cref="Out"/> when Out is the process's stdout. The console writer flushes
    /// every 256 characters (a write call each); 3 MB of `bead list --json` goes here in one write instead.</summary>
    public Stream? RawOut { get; init; }

    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        Directory.GetCurrentDirectory(),
        ProcessEnvironment())
    {
        IsTerminal = !Console.IsOutputRedirected,
        In = new StandardInput(),
        IsInputTerminal = !Console.IsInputRedirected,
        RawOut = Console.OpenStandardOutput(),
    };

    /// <summary>Writes a large UTF-8 text and a newline to Out: in one write to stdout when there is one.</summary>
    public void WriteLineUtf8(ReadOnlySpan<byte> text)
    {
        if (RawOut is null)
        {
            Out.WriteLine(global::System.Text.Encoding.UTF8.GetString(text));
            return;
        }
        Out.Flush(); // whatever went through Out before comes first
        RawOut.Write(text);
        RawOut.Write("\n"u8);
        RawOut.Flush();
    }

    /// <summary>Writes a large UTF-8 text produced by <paramref name="write"/>, and a newline, to Out: straight to stdout
    /// through a 64 KB buffer when there is one, so it is never held whole in memory.</summary>
    public void WriteLineUtf8(Action<Stream> write)
    {
        if (RawOut is null)
        {
            using var text = new MemoryStream();
            write(text);
            Out.WriteLine(global::System.Text.Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
            return;
        }
        Out.Flush(); // whatever went through Out before comes first
        // Not disposed: that would close stdout. Flushed instead; it holds nothing else.
        var buffered = new BufferedStream(RawOut, 1 << 16);
        write(buffered);
        buffered.Write("\n"u8);
        buffered.Flush();
    }

    // A plain loop: LINQ over DictionaryEntry (a struct) is compiled at run time, a few ms of every start-up.
    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var all = global::System.Environment.GetEnvironmentVariables();
        var copy = new Dictionary<string, string?>(all.Count, StringComparer.Ordinal);
        foreach (global::System.Collections.DictionaryEntry e in all) copy[(string)e.Key] = (string?)e.Value;
        return copy;
    }

    public string? GetEnv(string name) => Environment.TryGetValue(name, out var v) ? v : null;

    // Console.In sets up the terminal reader when first touched; only a verb that really reads should pay for it.
    private sealed class StandardInput : TextReader
    {
        public override int Peek() => Console.In.Peek();

        public override int Read() => Console.In.Read();

        public override int Read(char[] buffer, int index, int count) => Console.In.Read(buffer, index, count);

        public override string? ReadLine() => Console.In.ReadLine();

        public override string ReadToEnd() => Console.In.ReadToEnd();
    }
}
