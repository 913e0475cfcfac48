// Writes the daemon state to .godel/daemon/state.json atomically (temp file + rename) and reads it back.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Godel.Daemon.Persistence;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DaemonState))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;

internal sealed class StateStore(string directory, DaemonLog log)
{
    private readonly Lock _gate = new();

    public string FilePath => Path.Combine(directory, "state.json");

    public void Save(DaemonState state)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(directory);
            var temp = FilePath + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(state, DaemonJsonContext.Default.DaemonState));
            File.Move(temp, FilePath, overwrite: true);
        }
    }

    /// <summary>The saved state; an unreadable file is kept aside (never deleted) and an empty state returned.</summary>
    public DaemonState Load()
    {
        if (!File.Exists(FilePath))
        {
            return new DaemonState();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), DaemonJsonContext.Default.DaemonState) ?? new DaemonState();
        }
        catch (JsonException e)
        {
            var aside = $"{FilePath}.broken-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Copy(FilePath, aside, overwrite: true);
            log.Warn($"state file {FilePath} is unreadable ({e.Message}); kept as {aside}, starting with no agents");
            return new DaemonState();
        }
    }
}
