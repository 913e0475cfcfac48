// The proxy's log as plain lines on a TextWriter: stderr for `godel proxy serve`, the daemon's log file locally.
using Microsoft.Extensions.Logging;

namespace Godel.Proxy;

/// <summary>
/// One line per event, `time level message`, in the daemon log's format; no exception stack traces (the messages
/// already say what failed, and a trace is noise to the user reading them). Lines are written whole under a lock
/// so concurrent requests never interleave, and flushed at once so `tail -f` and a supervisor see them.
/// </summary>
public sealed class TextLogger(TextWriter writer, LogLevel minimum = LogLevel.Information) : ILogger
{
    private readonly Lock _lock = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {Level(logLevel)} {formatter(state, exception)}";
        lock (_lock)
        {
            try
            {
                writer.WriteLine(line);
                writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A closed stderr or log file must not fail the request that logged.
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => "error",
        LogLevel.Warning => "warn",
        LogLevel.Information => "info",
        _ => "debug",
    };
}
