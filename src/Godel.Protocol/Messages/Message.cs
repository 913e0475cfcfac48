// The base of every JSON message and the list of all of them (the "type" discriminator on the wire).
using System.Text.Json.Serialization;

namespace Godel.Protocol.Messages;

/// <summary>
/// A message on the wire. Requests carry an <see cref="Id"/> chosen by the client; the daemon's reply
/// carries the same id. Messages the daemon pushes on its own have id 0.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Hello), "hello")]
[JsonDerivedType(typeof(Welcome), "welcome")]
[JsonDerivedType(typeof(Ok), "ok")]
[JsonDerivedType(typeof(Error), "error")]
[JsonDerivedType(typeof(SpawnAgent), "spawnAgent")]
[JsonDerivedType(typeof(AgentReply), "agent")]
[JsonDerivedType(typeof(ListAgents), "listAgents")]
[JsonDerivedType(typeof(AgentList), "agentList")]
[JsonDerivedType(typeof(StopAgent), "stopAgent")]
[JsonDerivedType(typeof(KillAgent), "killAgent")]
[JsonDerivedType(typeof(RestartAgent), "restartAgent")]
[JsonDerivedType(typeof(SendInput), "sendInput")]
[JsonDerivedType(typeof(Notify), "notify")]
[JsonDerivedType(typeof(Attach), "attach")]
[JsonDerivedType(typeof(Attached), "attached")]
[JsonDerivedType(typeof(Detach), "detach")]
[JsonDerivedType(typeof(Resize), "resize")]
[JsonDerivedType(typeof(Capture), "capture")]
[JsonDerivedType(typeof(CaptureResult), "captureResult")]
[JsonDerivedType(typeof(Logs), "logs")]
[JsonDerivedType(typeof(LogsResult), "logsResult")]
[JsonDerivedType(typeof(AgentStateChanged), "agentStateChanged")]
[JsonDerivedType(typeof(Status), "status")]
[JsonDerivedType(typeof(StatusResult), "statusResult")]
[JsonDerivedType(typeof(Shutdown), "shutdown")]
[JsonDerivedType(typeof(ShuttingDown), "shuttingDown")]
public abstract record Message
{
    public int Id { get; init; }
}
