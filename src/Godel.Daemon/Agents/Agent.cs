// One agent: what it is (record), its terminal (session) and its state (detector).
using System.Text.RegularExpressions;
using Godel.Config.Model;
using Godel.Daemon.Persistence;
using Godel.Daemon.Sessions;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Agents;

internal sealed class Agent : ISessionObserver
{
    private readonly Action<Agent> _changed;
    private readonly Action _activity;
    /// <summary>How many of the screen's last non-blank lines prompt patterns see.</summary>
    public const int PromptTailLines = 8;

    private readonly Regex[] _promptPatterns;

    public Agent(AgentRecord record, RuntimeConfig runtime, StateDetector detector, Action<Agent> changed, Action activity)
    {
        _activity = activity;
        Record = record;
        Runtime = runtime;
        Detector = detector;
        _changed = changed;
        _promptPatterns = [.. runtime.PromptPatterns.Select(p => new Regex(p, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))];
    }

    public string Name => Record.Name;

    /// <summary>Identity and last known process facts; replaced (never mutated) under the supervisor's lock.</summary>
    public AgentRecord Record { get; set; }

    public RuntimeConfig Runtime { get; }

    public StateDetector Detector { get; }

    public Session Session { get; set; } = null!;

    /// <summary>An initial prompt still to type (runtimes whose prompt mode is Type).</summary>
    public string? PendingPrompt { get; set; }

    public bool IsAlive => Session.IsLive && Detector.State is not (AgentState.Exited or AgentState.Lost);

    /// <summary>True when the last lines of the screen match one of the runtime's prompt patterns.</summary>
    public bool PromptOnScreen()
    {
        if (_promptPatterns.Length == 0)
        {
            return false;
        }

        // Eight lines: runtimes draw status lines under their input box (Gemini's prompt is four lines up).
        var tail = string.Join('\n', Session.LastLines(PromptTailLines));
        return _promptPatterns.Any(p => p.IsMatch(tail));
    }

    public AgentInfo Info()
    {
        var (columns, rows) = Session.Size;
        return new AgentInfo
        {
            Name = Record.Name,
            Runtime = Record.Runtime,
            Bead = Record.Bead,
            WorkingDirectory = Record.WorkingDirectory,
            Worktree = Record.Worktree,
            State = Detector.State,
            StateSince = Detector.Since,
            StateSource = Detector.Source,
            Pid = Record.Pid,
            StartedAt = Record.StartedAt,
            LastOutputAt = Detector.LastOutputAt,
            ExitCode = Record.ExitCode,
            ExitSignal = Record.ExitSignal,
            Columns = columns,
            Rows = rows,
            Title = Session.Title,
            LastLine = Session.LastLines(1).FirstOrDefault() ?? "",
        };
    }

    /// <summary>The record with the live state folded in, for persistence.</summary>
    public AgentRecord Snapshot()
    {
        var (columns, rows) = Session.Size;
        return Record with
        {
            State = Detector.State,
            StateSource = Detector.Source,
            StateSince = Detector.Since,
            LastOutputAt = Detector.LastOutputAt,
            Columns = columns,
            Rows = rows,
        };
    }

    public void OnOutput()
    {
        _activity(); // the tick loop flushes the raw log and watches for silence
        if (Detector.Output())
        {
            _changed(this);
        }
    }

    public void OnBell()
    {
        if (Detector.Bell())
        {
            _changed(this);
        }
    }

    public void OnNotification(string title, string body)
    {
        if (Detector.Notification())
        {
            _changed(this);
        }
    }
}
