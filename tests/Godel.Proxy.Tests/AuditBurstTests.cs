// A burst larger than one writer transaction: every row lands, with its own text, searchable right after a flush.
using System.Text;
using Godel.Proxy.Store;
using Godel.Proxy.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Godel.Proxy.Tests;

public sealed class AuditBurstTests
{
    [Fact]
    public async Task A_burst_spanning_several_transactions_is_fully_written_and_searchable_after_a_flush()
    {
        using var dir = new TempDir();
        var db = ProxyDatabase.Open(dir.File("proxy.db"));
        var logger = new CapturingLogger();
        var burst = AuditWriter.ChunkRows * 2 + 37;
        await using (var writer = new AuditWriter(db, retentionDays: 0, logger, TimeProvider.System))
        {
            await writer.FlushAsync();
            // Hold the write lock; once the writer is stuck on its first record, the rest queue up and are then
            // taken as one batch of several transactions.
            using (var blocker = Hold(db.Path))
            {
                await writer.EnqueueAsync(Record(0));
                var deadline = DateTime.UtcNow.AddSeconds(4);
                while (writer.Queued > 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5);
                }
                for (var i = 1; i < burst; i++)
                {
                    await writer.EnqueueAsync(Record(i));
                }
                Assert.Equal(burst - 1, writer.Queued);
            }
            await writer.FlushAsync();

            var reader = new AuditReader(db);
            foreach (var i in new[] { 0, AuditWriter.ChunkRows - 1, AuditWriter.ChunkRows, AuditWriter.ChunkRows * 2, burst - 1 })
            {
                Assert.Equal(Bead(i), Assert.Single(reader.Search(Word(i))).Bead);
                Assert.Equal(Bead(i), Assert.Single(reader.Search("reply" + Word(i))).Bead);
            }
            Assert.Equal(burst, reader.Stats().Totals.Requests);
        }
        Assert.Empty(logger.Lines);
        Assert.Equal(burst, CountRowsWhoseTextIsTheirOwn(db.Path));
    }

    [Fact]
    public async Task A_reply_with_invalid_utf8_is_recorded_and_the_writer_keeps_recording_after_it()
    {
        await using var stub = await UpstreamStub.StartAsync();
        var reply = Encoding.UTF8.GetBytes("""{"choices":[{"message":{"content":"garbledX tail"}}],"usage":{"prompt_tokens":3,"completion_tokens":2}}""");
        reply[Array.IndexOf(reply, (byte)'X')] = 0xC3;
        stub.Replay(reply, "application/json");
        var config = ProxyHarness.With(("stub", new Godel.Config.Model.ProviderConfig { Type = Godel.Config.Model.ProviderType.OpenAICompatible, BaseUrl = stub.Url }));
        await using var proxy = await ProxyHarness.StartAsync(config);
        const string ask = """{"model":"gpt-4.1","messages":[{"role":"user","content":"firstcall"}]}""";

        var first = await proxy.SendAsync(proxy.Post("/proxy/stub/v1/chat/completions", ask));
        await proxy.Server.Admin.FlushAuditAsync();
        var second = await proxy.SendAsync(proxy.Post("/proxy/stub/v1/chat/completions", ask.Replace("firstcall", "secondcall", StringComparison.Ordinal)));
        await proxy.Server.Admin.FlushAuditAsync();

        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(2, proxy.Server.Admin.Stats().Totals.Requests);
        Assert.Single(proxy.Server.Admin.Search("firstcall tail"));
        Assert.Single(proxy.Server.Admin.Search("secondcall"));
        Assert.DoesNotContain(proxy.Logger.Lines, l => l.Contains("writer stopped", StringComparison.Ordinal));
    }

    private static string Word(int i) => "burstword" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Bead(int i) => "godel-b" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static AuditRecord Record(int i) => new()
    {
        TimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Agent = "agent-1",
        Bead = Bead(i),
        Provider = "mock",
        Model = "gpt-4.1",
        Status = 200,
        PromptBody = Encoding.UTF8.GetBytes($$$"""{"messages":[{"role":"user","content":"{{{Word(i)}}}"}]}"""),
        ResponseBody = Encoding.UTF8.GetBytes($$$"""{"choices":[{"message":{"content":"reply{{{Word(i)}}}"}}]}"""),
    };

    private static SqliteConnection Hold(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Rows whose FTS text carries the word of their own bead: ids and text were not shifted across chunks.</summary>
    private static long CountRowsWhoseTextIsTheirOwn(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM requests r JOIN request_text t ON t.rowid = r.id
            WHERE t.prompt = 'burstword' || CAST(substr(r.bead, 8) AS INTEGER) AND t.response = 'replyburstword' || CAST(substr(r.bead, 8) AS INTEGER)
            """;
        return (long)command.ExecuteScalar()!;
    }
}
