// An agent's raw output log under .godel/logs: capped in size, rotated. A flood is written in 64 KiB blocks;
// anything else reaches the kernel at once (short reads mean the agent paused), so a killed daemon leaves a complete log.
namespace Godel.Daemon.Sessions;

internal sealed class RawLog : IDisposable
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _keep;
    private FileStream _file;
    private long _lastFlush;

    public RawLog(string path, long maxBytes, int keep)
    {
        _path = path;
        _maxBytes = Math.Max(4096, maxBytes);
        _keep = Math.Max(0, keep);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = Open();
    }

    /// <summary>The files holding the log, oldest first.</summary>
    public static IReadOnlyList<string> Files(string path, int keep)
    {
        var files = new List<string>();
        for (var i = keep; i >= 1; i--)
        {
            if (File.Exists($"{path}.{i}"))
            {
                files.Add($"{path}.{i}");
            }
        }

        if (File.Exists(path))
        {
            files.Add(path);
        }

        return files;
    }

    /// <summary>Appends bytes; called by the session's reader with the session lock held.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_file.Length + data.Length > _maxBytes && _file.Length > 0)
        {
            Rotate();
        }

        _file.Write(data);

        // A read shorter than the PTY's 4 KiB line buffer means no more output was waiting: flush now.
        // During a flood reads are full, and one flush per 50 ms keeps the log close behind.
        if (data.Length < 4000 || Environment.TickCount64 - _lastFlush > 50)
        {
            Flush();
        }
    }

    private void Rotate()
    {
        _file.Dispose();
        if (_keep == 0)
        {
            File.Delete(_path);
        }
        else
        {
            File.Delete($"{_path}.{_keep}");
            for (var i = _keep - 1; i >= 1; i--)
            {
                if (File.Exists($"{_path}.{i}"))
                {
                    File.Move($"{_path}.{i}", $"{_path}.{i + 1}");
                }
            }

            File.Move(_path, $"{_path}.1");
        }

        _file = Open();
    }

    private FileStream Open() => new(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);

    /// <summary>Pushes buffered bytes to the kernel (called with the session lock held).</summary>
    public void Flush()
    {
        _file.Flush();
        _lastFlush = Environment.TickCount64;
    }

    public void Dispose() => _file.Dispose();
}
