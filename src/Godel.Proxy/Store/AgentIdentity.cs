// Who a request is from: the agent (and its bead) a token was minted for.
namespace Godel.Proxy.Store;

public sealed record AgentIdentity(string Agent, string? Bead);

/// <summary>A token as listed: never the token itself, only who holds it and a short fingerprint of its hash.</summary>
public sealed record TokenInfo(string Agent, string? Bead, DateTimeOffset Created, string Fingerprint);
