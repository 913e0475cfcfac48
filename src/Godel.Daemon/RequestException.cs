// A request the daemon refuses, with the error code and the message the user sees.
namespace Godel.Daemon;

internal sealed class RequestException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
