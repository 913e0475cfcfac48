// System.Text.Json source generation for every type Godel.Beads reads or writes (no reflection at start-up).
using System.Text.Json.Serialization;
using Godel.Beads.Model;

namespace Godel.Beads.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Bead))]
[JsonSerializable(typeof(Convoy))]
[JsonSerializable(typeof(ConvoyView))]
[JsonSerializable(typeof(List<Bead>))]
[JsonSerializable(typeof(List<ConvoyView>))]
[JsonSerializable(typeof(BeadDetails))]
[JsonSerializable(typeof(ConvoyDetails))]
[JsonSerializable(typeof(List<ConvoyProgress>))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class BeadJsonContext : JsonSerializerContext;
