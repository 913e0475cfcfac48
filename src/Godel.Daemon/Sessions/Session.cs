// One agent's terminal: the PTY, the authoritative emulator, the raw log and the attached clients.
// Invariant: the emulator, the attachment list and the order of queued output change only under _gate,
// so a snapshot taken under _gate plus the output queued after it always reproduces the screen.
using Godel.Protocol.Framing;
using Godel.Pty;
using Godel.Terminal;

namespace Godel.Daemon.Sessions;

internal sealed class Session : ITerminalEvents, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITerminalEmulator _emulator;
    private readonly IPtyProcess? _pty;
    private readonly RawLog? _log;
    private readonly ISessionObserver _observer;
    private readonly List<Attachment> _attachments = [];
    private readonly List<(string Title, string Body)> _notifications = [];
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Attachment? _active;
    private bool _bell;

    /// <summary>A live session: starts reading the PTY on its own thread at once.</summary>
    public Session(IPtyProcess pty, Func<ITerminalEvents, ITerminalEmulator> createEmulator, RawLog log, ISessionObserver observer)
    {
        _pty = pty;
        _log = log;
        _observer = observer;
        _emulator = createEmulator(this);
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = $"pty-reader-{pty.ProcessId}" };
        reader.Start();
    }

    /// <summary>A dead session showing a replayed screen (a lost agent, or one that exited before the daemon restarted).</summary>
    public Session(ITerminalEmulator replayed, ISessionObserver observer)
    {
        _emulator = replayed;
        _observer = observer;
        _outputEnded.SetResult();
    }

    public bool IsLive => _pty is not null;

    /// <summary>The agent this session belongs to.</summary>
    public Agents.Agent? Owner => _observer as Agents.Agent;

    /// <summary>Completes when the PTY has no more output (the child exited and its output was all processed).</summary>
    public Task OutputEnded => _outputEnded.Task;

    public (int Columns, int Rows) Size
    {
        get
        {
            lock (_gate)
            {
                return (_emulator.Columns, _emulator.Rows);
            }
        }
    }

    public string Title
    {
        get
        {
            lock (_gate)
            {
                return _emulator.Title;
            }
        }
    }

    // A chunk is processed as soon as it is read (the kernel refills the PTY meanwhile); then whatever else is waiting is
    // taken without blocking. Only when nothing is does the raw log reach the kernel, and the reader sleeps: a flood costs
    // no flush per read, and a killed daemon loses no output it had time to show (captures and snapshots flush first).
    private void ReadLoop()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var n = ReadBlocking(buffer);
            while (n > 0)
            {
                Process(buffer.AsSpan(0, n));
                n = _pty!.ReadAvailable(buffer);
                if (n < 0)
                {
                    FlushLog();
                    n = ReadBlocking(buffer);
                }
            }
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            FlushLog();
            _outputEnded.TrySetResult();
        }
    }

    // 0 at end of output (EIO when the child is gone, or the session disposed).
    private int ReadBlocking(byte[] buffer)
    {
        try
        {
            return _pty!.Output.Read(buffer);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Process(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _emulator.Feed(data);
            _log?.Write(data);
            foreach (var attachment in _attachments)
            {
                attachment.SendOutput(data);
            }
        }

        _observer.OnOutput();
        RaiseSignals();
    }

    // Bell and notifications are collected during Feed and raised here, outside the lock, so observers may read the screen.
    private void RaiseSignals()
    {
        bool bell;
        (string, string)[] notifications;
        lock (_gate)
        {
            bell = _bell;
            _bell = false;
            notifications = _notifications.Count == 0 ? [] : [.. _notifications];
            _notifications.Clear();
        }

        if (bell)
        {
            _observer.OnBell();
        }

        foreach (var (title, body) in notifications)
        {
            _observer.OnNotification(title, body);
        }
    }

    /// <summary>Adds a client; it gets the Attached reply queued by <paramref name="queueReply"/>, then a snapshot, then live output.</summary>
    public Attachment Attach(IClientOutbox client, uint channel, int columns, int rows, bool readOnly, long backlogLimit, Action queueReply)
    {
        lock (_gate)
        {
            var attachment = new Attachment(this, client, channel, columns, rows, readOnly, backlogLimit);
            _attachments.Add(attachment);
            queueReply();
            if (!readOnly)
            {
                MakeActive(attachment);
            }

            attachment.RequestSnapshot();
            return attachment;
        }
    }

    public void Detach(Attachment attachment)
    {
        lock (_gate)
        {
            attachment.Closed = true;
            _attachments.Remove(attachment);
            if (_active == attachment)
            {
                _active = null;
            }
        }
    }

    /// <summary>A client's window changed size; read-only clients never resize the agent.</summary>
    public void ClientResized(Attachment attachment, int columns, int rows)
    {
        lock (_gate)
        {
            attachment.Columns = columns;
            attachment.Rows = rows;
            if (!attachment.ReadOnly)
            {
                MakeActive(attachment);
            }
        }
    }

    /// <summary>Keystrokes from an attached client: that client becomes the active one (its size wins).</summary>
    public void Input(Attachment attachment, ReadOnlySpan<byte> data)
    {
        if (attachment.ReadOnly)
        {
            return;
        }

        // Read without the lock first: the PTY reader holds it while feeding the emulator, and a keystroke from the
        // client that is already active must not wait for that.
        if (Volatile.Read(ref _active) != attachment)
        {
            lock (_gate)
            {
                if (_active != attachment)
                {
                    MakeActive(attachment);
                }
            }
        }

        _pty?.Write(data);
    }

    /// <summary>Input not tied to a client (`agent send`, prompts).</summary>
    public void Input(ReadOnlySpan<byte> data) => _pty?.Write(data);

    // tmux's rule: the PTY takes the size of the most recently active client. Every client then gets a fresh snapshot.
    private void MakeActive(Attachment attachment)
    {
        _active = attachment;
        if (attachment.Columns == _emulator.Columns && attachment.Rows == _emulator.Rows)
        {
            return;
        }

        ResizeLocked(attachment.Columns, attachment.Rows);
    }

    /// <summary>Sets the size directly (spawn size, tests).</summary>
    public void Resize(int columns, int rows)
    {
        lock (_gate)
        {
            ResizeLocked(columns, rows);
        }
    }

    private void ResizeLocked(int columns, int rows)
    {
        columns = Math.Clamp(columns, 2, 1000);
        rows = Math.Clamp(rows, 1, 1000);
        _emulator.Resize(columns, rows);
        _pty?.Resize(columns, rows);
        foreach (var other in _attachments)
        {
            other.RequestSnapshot();
        }
    }

    /// <summary>The snapshot frame for an attachment that is resuming; output queued after this call follows it exactly.</summary>
    public byte[]? SnapshotFor(Attachment attachment)
    {
        lock (_gate)
        {
            if (attachment.Closed)
            {
                return null;
            }

            attachment.Resumed();
            FlushLogLocked();
            return FrameEncoder.Snapshot(attachment.Channel, _emulator.Columns, _emulator.Rows, _emulator.Snapshot());
        }
    }

    /// <summary>Writes buffered log bytes out (the reader before it sleeps, the daemon's tick, an agent's exit).</summary>
    public void FlushLog()
    {
        lock (_gate)
        {
            FlushLogLocked();
        }
    }

    // Whoever shows the screen flushes first, so nothing seen is missing from the log if the daemon dies next.
    private void FlushLogLocked()
    {
        try
        {
            _log?.Flush();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public string Capture(CaptureOptions options)
    {
        lock (_gate)
        {
            FlushLogLocked();
            return _emulator.Capture(options);
        }
    }

    /// <summary>The last <paramref name="count"/> non-blank lines of the visible screen.</summary>
    public IReadOnlyList<string> LastLines(int count)
    {
        var text = Capture(new CaptureOptions());
        return text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).TakeLast(count).ToArray();
    }

    public void Signal(int signal) => _pty?.Signal(signal);

    void ITerminalEvents.Reply(ReadOnlySpan<byte> bytes) => _pty?.Write(bytes);

    void ITerminalEvents.Bell() => _bell = true;

    void ITerminalEvents.Notify(string title, string body) => _notifications.Add((title, body));

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var attachment in _attachments)
            {
                attachment.Closed = true;
            }

            _attachments.Clear();
        }

        _pty?.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
        }
    }
}
