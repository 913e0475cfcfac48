// Loads the recorded vttest session (tests/Godel.Terminal.Tests/Fixtures/vttest) and cuts it at each completed screen.
using System.Text.Json;

namespace Godel.Terminal.Tests.Vttest;

/// <summary>A recorded vttest session: the bytes vttest wrote, and where each screen was complete (waiting for Return).</summary>
public sealed class VttestRecording
{
    public const int Columns = 80;
    public const int Rows = 24;

    private VttestRecording(byte[] bytes, IReadOnlyList<(string Name, int End)> screens)
    {
        Bytes = bytes;
        Screens = screens;
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<(string Name, int End)> Screens { get; }

    public static VttestRecording MenusOneAndTwo { get; } = Load("menu1-menu2");

    /// <summary>Everything vttest wrote up to the moment the screen called <paramref name="name"/> was complete.</summary>
    public byte[] UpTo(string name) => Bytes[..Screens.Single(s => s.Name == name).End];

    private static VttestRecording Load(string stem)
    {
        var dir = Path.Combine(FixturesFolder(), "vttest");
        var bytes = File.ReadAllBytes(Path.Combine(dir, stem + ".bin"));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, stem + ".json")));
        var screens = index.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString() ?? "", e.GetProperty("end").GetInt32()))
            .ToList();
        return new VttestRecording(bytes, screens);
    }

    private static string FixturesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Godel.Terminal.Tests", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Godel.Terminal.Tests/Fixtures not found above " + AppContext.BaseDirectory);
    }
}
