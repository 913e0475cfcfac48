// Renders a byte stream in a private tmux server and reads the screen back with capture-pane -e.
using System.Globalization;

namespace Godel.Terminal.Tests.Differential;

/// <summary>
/// One private tmux server (its own socket in a temp folder, no config) per instance. Each
/// Render runs `cat FILE` in a fresh raw-mode pane, then sets a unique pane title: once tmux
/// shows that title, every byte before it has been processed, so no sleeping is needed.
/// </summary>
public sealed class TmuxReference : IDisposable
{
    private readonly string _dir;
    private readonly string _socket;
    private int _count;

    public TmuxReference()
    {
        _dir = Directory.CreateTempSubdirectory("godel-tmux-").FullName;
        _socket = Path.Combine(_dir, "sock");
        // A session that lives as long as this object, so the server does not exit (and race the
        // next new-session) each time a rendering session is killed.
        Tmux("new-session", "-d", "-s", "keepalive", "-x", "10", "-y", "5", "exec sleep 1000000");
    }

    public static bool IsAvailable => ToolProcess.OnPath("tmux");

    public const string MissingMessage = "tmux not installed: apt-get install -y tmux";

    public ScreenGrid Render(byte[] stream, int columns, int rows)
    {
        var n = Interlocked.Increment(ref _count);
        var file = Path.Combine(_dir, $"stream{n}.bin");
        File.WriteAllBytes(file, stream);
        var marker = $"godel-done-{n}-{Guid.NewGuid():N}";
        var script = Path.Combine(_dir, $"feed{n}.sh");
        // Raw mode: no LF→CRLF (opost off) and no echo, so the pane sees exactly the file's bytes.
        File.WriteAllText(script, $"stty raw -echo\ncat '{file}'\nprintf '\\033]2;{marker}\\007'\nexec sleep 100000\n");
        var session = $"s{n}";
        Tmux("new-session", "-d", "-s", session, "-x", Num(columns), "-y", Num(rows), $"sh '{script}'");
        try
        {
            WaitForTitle(session, marker);
            var capture = Tmux("capture-pane", "-p", "-e", "-N", "-t", session);
            var grid = SgrCaptureParser.Parse(capture, columns, rows);
            var cursor = Tmux("display-message", "-p", "-t", session, "#{cursor_x} #{cursor_y}").Trim().Split(' ');
            grid.CursorX = int.Parse(cursor[0], CultureInfo.InvariantCulture);
            grid.CursorY = int.Parse(cursor[1], CultureInfo.InvariantCulture);
            return grid;
        }
        finally
        {
            Tmux("kill-session", "-t", session);
        }
    }

    /// <summary>Runs a tmux command against this server.</summary>
    public string Tmux(params string[] args) => ToolProcess.Run("tmux", ["-S", _socket, "-f", "/dev/null", .. args]);

    private void WaitForTitle(string session, string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Tmux("display-message", "-p", "-t", session, "#{pane_title}").Trim() != marker)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("tmux did not finish processing the stream within 20 s");
            }

            Thread.Sleep(10);
        }
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            ToolProcess.Run("tmux", ["-S", _socket, "kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // No server left (every session was killed): nothing to stop.
        }

        Directory.Delete(_dir, recursive: true);
    }
}
