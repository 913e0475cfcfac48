// An agent's raw output log under .godel/logs: capped in size, rotated. Bytes are buffered in 64 KiB blocks; the session
// flushes whenever its PTY has nothing more waiting (and a flood is flushed every 50 ms), so a killed daemon leaves a complete log.
namespace Godel.Daemon.Sessions;

internal sealed class RawLog : IDisposable
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _keep;
    private FileStream _file;
    private long _length;
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

    /// <summary>Appends bytes (buffered: <see cref="Flush"/> pushes them out). Called with the session lock held.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        // The length is counted here, not asked of the file: FileStream.Length is an fstat per call.
        if (_length + data.Length > _maxBytes && _length > 0)
        {
            Rotate();
        }

        _file.Write(data);
        _length += data.Length;

        // An agent that never pauses still has its log kept close behind.
        if (Environment.TickCount64 - _lastFlush > 50)
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

    private FileStream Open()
    {
        var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        _length = file.Length;
        return file;
    }

    /// <summary>Pushes buffered bytes to the kernel (called with the session lock held).</summary>
    public void Flush()
    {
        _file.Flush();
        _lastFlush = Environment.TickCount64;
    }

    public void Dispose() => _file.Dispose();
}
