// Runs js/client.mjs (the official SDKs) with node; reports why when node or the npm packages are missing.
using System.Diagnostics;
using System.Text.Json;

namespace Godel.Proxy.Tests.Support;

public static class NodeClients
{
    public const string InstallHint = "official SDKs not installed: run `npm ci --prefix tests/Godel.Proxy.Tests/js` (needs node ≥ 18)";

    /// <summary>The js folder in the source tree, or null when its node_modules are missing.</summary>
    public static string? Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var js = Path.Combine(dir.FullName, "tests", "Godel.Proxy.Tests", "js");
            if (File.Exists(Path.Combine(js, "client.mjs")))
            {
                return Directory.Exists(Path.Combine(js, "node_modules", "openai")) && Directory.Exists(Path.Combine(js, "node_modules", "@anthropic-ai", "sdk")) && Tool.Exists("node")
                    ? js
                    : null;
            }
        }
        return null;
    }

    public sealed record Job(string Sdk, string Mode, string BaseURL, string ApiKey, string Model, string Prompt);

    /// <summary>Each job's result as JSON text (`{"ok":true,"value":…}`), in order.</summary>
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(string folder, params Job[] jobs)
    {
        var json = JsonSerializer.Serialize(jobs.Select(j => new { sdk = j.Sdk, mode = j.Mode, baseURL = j.BaseURL, apiKey = j.ApiKey, model = j.Model, prompt = j.Prompt }));
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("client.mjs");
        start.ArgumentList.Add(json);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node failed: {await stderr}");
        return [.. JsonDocument.Parse(await stdout).RootElement.EnumerateArray()];
    }
}

public static class Tool
{
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name)));
}
