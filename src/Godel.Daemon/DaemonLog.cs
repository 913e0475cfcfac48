// The daemon's own log: one timestamped line per event, safe to call from any thread.
namespace Godel.Daemon;

public sealed class DaemonLog(TextWriter writer, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public void Info(string message) => Write("info", message);

    public void Warn(string message) => Write("warn", message);

    public void Error(string message) => Write("error", message);

    private void Write(string level, string message)
    {
        lock (_gate)
        {
            writer.WriteLine($"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {level} {message}");
            writer.Flush();
        }
    }
}
