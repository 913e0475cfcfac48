// What a session reports to its agent: output activity and the terminal's own signals (bell, notifications, title).
namespace Godel.Daemon.Sessions;

internal interface ISessionObserver
{
    /// <summary>Output arrived (called on the reader thread, outside the session lock).</summary>
    void OnOutput();

    void OnBell();

    void OnNotification(string title, string body);
}
