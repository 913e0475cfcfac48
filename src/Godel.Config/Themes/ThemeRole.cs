// The named roles a theme colours: every coloured thing on Godel's screens uses one of these, never a literal colour.
namespace Godel.Config.Themes;

/// <summary>Theme roles; in theme files they are snake_case keys under `[roles]` (`pane_title`, `agent_waiting`, …).</summary>
public enum ThemeRole
{
    /// <summary>Ordinary text on the workspace background.</summary>
    Text,
    /// <summary>Secondary text: hints, timestamps, ids.</summary>
    TextMuted,
    PaneTitle,
    PaneTitleFocused,
    PaneBorder,
    PaneBorderFocused,
    AgentRunning,
    AgentWaiting,
    AgentIdle,
    AgentExited,
    AgentFailed,
    BoardColumnHeader,
    BoardCard,
    BoardCardSelected,
    BeadId,
    BeadPriorityCritical,
    BeadPriorityHigh,
    BeadPriorityNormal,
    BeadPriorityLow,
    DiffAdded,
    DiffRemoved,
    DiffContext,
    DiffHunkHeader,
    DiffFileHeader,
    StatusBar,
    StatusBarKey,
    Selection,
    Dialog,
    Error,
    Warning,
    Success,
}
