// Serialises Godel's writers to the beads branch across processes with an OS file lock the kernel frees on death.
using System.Diagnostics;

namespace Godel.Beads.Store;

/// <summary>
/// An exclusive lock on `&lt;common git dir&gt;/godel-beads.writer`. .NET maps FileShare.None to flock(LOCK_EX|LOCK_NB)
/// on Unix, so a writer killed with SIGKILL releases it instantly: no stale lock can block the store.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly FileStream _stream;

    private WriterLock(FileStream stream) => _stream = stream;

    public static WriterLock Acquire(GitPaths paths, TimeSpan timeout)
    {
        var path = Path.Combine(paths.CommonDir, "godel-beads.writer");
        var clock = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            try
            {
                return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                // Jittered backoff keeps eight racing writers from waking in lockstep.
                Thread.Sleep(Random.Shared.Next(1, delay + 1));
                delay = Math.Min(delay * 2, 25);
            }
            catch (IOException e)
            {
                throw new BeadStoreException(
                    $"another godel process has held {path} for {timeout.TotalSeconds:0}s; try again", BeadErrorKind.WriteFailed, e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
