// A model without a price is recorded with an unknown (NULL) cost and a warning in stats, never silently as $0.
using Godel.Proxy.Costs;
using Godel.Proxy.Store;
using Godel.Proxy.Tests.Support;
using Godel.Proxy.Usage;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Tests;

public sealed class UnknownCostTests
{
    private static string Ask(string model) => $$"""{"model":"{{model}}","messages":[{"role":"user","content":"price me"}]}""";

    [Fact]
    public void Unknown_models_have_no_cost_unless_nothing_was_used()
    {
        var table = new PricingTable(new Dictionary<string, Godel.Config.Model.ModelPrice>());
        var used = new TokenUsage(100, 50, 0, 0);

        Assert.Null(table.Cost("mystery-model-9", used));
        Assert.Null(table.Cost(null, used));
        Assert.Equal(0m, table.Cost("mystery-model-9", default));
        Assert.Equal((100 * 2m + 50 * 8m) / 1_000_000m, table.Cost("gpt-4.1-2025-04-14", used));
    }

    [Fact]
    public async Task The_row_has_a_null_cost_and_stats_warn_naming_the_model()
    {
        await using var proxy = await ProxyHarness.StartAsync();
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask("mystery-model-9")));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask("mystery-model-9")));
        await proxy.SendAsync(proxy.Post("/proxy/mock/v1/chat/completions", Ask("gpt-4.1")));
        await proxy.Server.Admin.FlushAuditAsync();

        var stats = proxy.Server.Admin.Stats();
        var costs = Costs(proxy.DatabasePath);

        Assert.Equal(2, costs.Count(c => c.Model == "mystery-model-9" && c.Cost is null));
        Assert.True(costs.Single(c => c.Model == "gpt-4.1").Cost > 0);
        Assert.Equal(2, stats.UnpricedRequests);
        Assert.Equal(["mock/mystery-model-9"], stats.UnpricedModels);
        var warning = Assert.Single(stats.Warnings);
        Assert.Contains("mock/mystery-model-9", warning, StringComparison.Ordinal);
        Assert.Contains("[proxy.pricing.", warning, StringComparison.Ordinal);
        // The known model's cost is still summed; the unknown ones are not counted as anything.
        Assert.Equal(costs.Single(c => c.Model == "gpt-4.1").Cost!.Value, (double)stats.Totals.CostUsd, 6);
        Assert.Equal(3, stats.Totals.Requests);
    }

    [Fact]
    public void A_database_from_before_keeps_its_rows_and_accepts_unknown_costs()
    {
        using var dir = new TempDir();
        var path = dir.File("old.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE requests(id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, agent TEXT NOT NULL, bead TEXT,
                  provider TEXT NOT NULL, model TEXT, status INTEGER NOT NULL, tokens_in INTEGER NOT NULL,
                  tokens_out INTEGER NOT NULL, cache_read INTEGER NOT NULL, cache_write INTEGER NOT NULL,
                  cost_usd REAL NOT NULL, latency_ms REAL NOT NULL, bytes_in INTEGER NOT NULL, bytes_out INTEGER NOT NULL,
                  fallback INTEGER NOT NULL, stream INTEGER NOT NULL, error TEXT);
                INSERT INTO requests VALUES (7, 1, 'agent-old', NULL, 'anthropic', 'claude-sonnet-4-5', 200, 10, 5, 0, 0, 0.25, 3.5, 100, 200, 0, 0, NULL);
                """;
            create.ExecuteNonQuery();
        }

        var db = ProxyDatabase.Open(path);
        using (var connection = db.Connect())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO requests VALUES (8, 2, 'agent-new', NULL, 'mock', 'mystery', 200, 1, 1, 0, 0, NULL, 1, 1, 1, 0, 0, NULL)";
            insert.ExecuteNonQuery();
        }
        var stats = new AuditReader(db).Stats();
        SqliteConnection.ClearAllPools();

        Assert.Equal(2, stats.Totals.Requests);
        Assert.Equal(0.25m, stats.Totals.CostUsd);
        Assert.Equal(1, stats.UnpricedRequests);
    }

    private static List<(string? Model, double? Cost)> Costs(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model, cost_usd FROM requests";
        using var reader = command.ExecuteReader();
        var rows = new List<(string?, double?)>();
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1)));
        }
        return rows;
    }
}
