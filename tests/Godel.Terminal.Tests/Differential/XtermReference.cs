// Renders byte streams in xterm.js (@xterm/headless under node) and reads the buffer back as a ScreenGrid.
using System.Globalization;
using System.Text.Json;

namespace Godel.Terminal.Tests.Differential;

/// <summary>Runs tests/Godel.Terminal.Tests/js/render.js; needs node and `npm ci` in that folder.</summary>
public static class XtermReference
{
    public static string ScriptFolder { get; } = FindScriptFolder();

    public static bool IsAvailable =>
        ToolProcess.OnPath("node") && Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "@xterm", "headless"));

    public static string MissingMessage =>
        $"xterm.js reference missing: install node and run `npm ci` in {ScriptFolder}";

    /// <summary>Renders each stream in a fresh terminal (one node process for all of them).</summary>
    public static IReadOnlyList<ScreenGrid> Render(IReadOnlyList<byte[]> streams, int columns, int rows) =>
        RunNode(streams, columns, rows, history: false).Select(l => ParseJson(l, columns, rows)).ToList();

    /// <summary>The normal buffer's scrollback after each stream, with xterm.js's own wrap flags.</summary>
    public static IReadOnlyList<HistoryDump> RenderHistory(IReadOnlyList<byte[]> streams, int columns, int rows) =>
        RunNode(streams, columns, rows, history: true).Select(l => ParseHistory(l, columns)).ToList();

    private static string[] RunNode(IReadOnlyList<byte[]> streams, int columns, int rows, bool history)
    {
        var dir = Directory.CreateTempSubdirectory("godel-xterm-").FullName;
        try
        {
            var files = streams.Select((s, i) =>
            {
                var f = Path.Combine(dir, $"s{i}.bin");
                File.WriteAllBytes(f, s);
                return f;
            }).ToList();
            string[] flags = history ? ["--history"] : [];
            var output = ToolProcess.Run("node", [Path.Combine(ScriptFolder, "render.js"), .. flags, Num(columns), Num(rows), .. files]);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static ScreenGrid Render(byte[] stream, int columns, int rows) => Render([stream], columns, rows)[0];

    private static ScreenGrid ParseJson(string json, int columns, int rows)
    {
        using var doc = JsonDocument.Parse(json);
        var grid = ReadLines(doc.RootElement.GetProperty("lines"), columns, rows);
        var cursor = doc.RootElement.GetProperty("cursor");
        grid.CursorX = cursor[0].GetInt32();
        grid.CursorY = cursor[1].GetInt32();
        return grid;
    }

    private static HistoryDump ParseHistory(string json, int columns)
    {
        using var doc = JsonDocument.Parse(json);
        var history = doc.RootElement.GetProperty("history");
        var lines = ReadLines(history, columns, history.GetArrayLength());
        return new HistoryDump(lines, [.. doc.RootElement.GetProperty("wrapped").EnumerateArray().Select(w => w.GetBoolean())]);
    }

    private static ScreenGrid ReadLines(JsonElement lines, int columns, int rows)
    {
        var grid = new ScreenGrid(columns, rows);
        var y = 0;
        foreach (var line in lines.EnumerateArray())
        {
            var x = 0;
            foreach (var c in line.EnumerateArray())
            {
                var chars = c[0].GetString() ?? "";
                var width = c[1].GetInt32();
                var text = width == 0 ? "" : chars.Length == 0 ? " " : chars;
                grid[x, y] = new GridCell(text, Color(c[2].GetInt32(), c[3].GetInt32()), Color(c[4].GetInt32(), c[5].GetInt32()), (CellAttributes)c[6].GetInt32());
                x++;
            }

            y++;
        }

        return grid;
    }

    private static CellColor Color(int mode, int value) => mode switch
    {
        1 => CellColor.Palette(value),
        2 => new CellColor(ColorKind.Rgb, value),
        _ => CellColor.Default,
    };

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string FindScriptFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Godel.Terminal.Tests", "js");
            if (File.Exists(Path.Combine(candidate, "render.js")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return Path.Combine(AppContext.BaseDirectory, "js");
    }
}
