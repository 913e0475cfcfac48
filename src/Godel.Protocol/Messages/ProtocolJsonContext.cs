// Source-generated JSON for every message (no reflection, trimming-safe).
using System.Text.Json.Serialization;

namespace Godel.Protocol.Messages;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(AgentInfo))]
[JsonSerializable(typeof(IReadOnlyList<AgentInfo>))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
