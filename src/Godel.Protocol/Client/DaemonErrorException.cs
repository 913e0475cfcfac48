// A request the daemon answered with an Error message.
namespace Godel.Protocol.Client;

public sealed class DaemonErrorException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
