// Every message survives encode → frame → decode unchanged, and every message type has a sample here.
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Protocol.Tests;

public sealed class MessageRoundTripTests
{
    private static readonly AgentInfo SampleAgent = new()
    {
        Name = "claude-1",
        Runtime = "claude",
        Bead = "godel-a3f9k",
        WorkingDirectory = "/repo/.godel/worktrees/godel-a3f9k",
        Worktree = "/repo/.godel/worktrees/godel-a3f9k",
        State = AgentState.Waiting,
        StateSince = new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero),
        StateSource = "hook",
        Pid = 4242,
        StartedAt = new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero),
        LastOutputAt = new DateTimeOffset(2026, 11, 24, 7, 29, 59, TimeSpan.Zero),
        ExitCode = null,
        ExitSignal = 9,
        Columns = 120,
        Rows = 40,
        Title = "claude: fixing auth",
        LastLine = "> ",
    };

    public static TheoryData<Message> Samples() =>
    [
        new Hello(ProtocolInfo.Version, "godel-cli", "0.1.0", 77) { Id = 1 },
        new Welcome(ProtocolInfo.Version, "0.1.0", 99, "/repo") { Id = 1 },
        new Ok { Id = 3 },
        new Error(ErrorCodes.UnknownAgent, "no agent named x") { Id = 4 },
        new SpawnAgent { Id = 5, Runtime = "shell", Name = "s", Bead = "godel-1", WorkingDirectory = "/tmp", Columns = 100, Rows = 30, Args = ["-c", "echo hi"], Prompt = "hello", Actor = "me" },
        new AgentReply(SampleAgent) { Id = 6 },
        new ListAgents { Id = 7 },
        new AgentList([SampleAgent, SampleAgent with { Name = "shell-2", State = AgentState.Lost }]) { Id = 8 },
        new StopAgent("claude-1") { Id = 9 },
        new KillAgent("claude-1") { Id = 10 },
        new RestartAgent("claude-1") { Id = 11 },
        new SendInput("claude-1", "fix it\n\u00e9", Enter: true) { Id = 12 },
        new Notify("claude-1", AgentState.Waiting, "needs approval") { Id = 13 },
        new Attach("claude-1", 200, 50, ReadOnly: true) { Id = 14 },
        new Attached("claude-1", 7u, SampleAgent) { Id = 14 },
        new Detach(7u) { Id = 15 },
        new Resize(7u, 80, 24) { Id = 16 },
        new Capture("claude-1", WithEscapes: true, ScrollbackLines: 100) { Id = 17 },
        new CaptureResult("line 1\nline 2", 80, 24) { Id = 17 },
        new Logs("claude-1") { Id = 18 },
        new LogsResult(["/repo/.godel/logs/claude-1.log.1", "/repo/.godel/logs/claude-1.log"]) { Id = 18 },
        new AgentStateChanged(SampleAgent),
        new Status { Id = 19 },
        new StatusResult(99, "/repo", "0.1.0", SampleAgent.StartedAt, [SampleAgent]) { Id = 19 },
        new Shutdown(5) { Id = 20 },
        new ShuttingDown(["claude-1", "shell-2"]) { Id = 20 },
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_message_survives_a_frame_round_trip(Message message)
    {
        using var stream = new MemoryStream();
        await stream.WriteAsync(FrameEncoder.Message(message));
        stream.Position = 0;

        var frame = await new FrameReader(stream).ReadAsync();

        Assert.NotNull(frame);
        Assert.Equal(FrameKind.Message, frame.Value.Kind);
        var decoded = FrameDecoder.Message(frame.Value.Payload.Span);
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(Json(message), Json(decoded));
        Assert.Equal(message.Id, decoded.Id);
    }

    [Fact]
    public void Every_message_type_has_a_round_trip_sample()
    {
        var declared = typeof(Message).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var sampled = ((IEnumerable<object[]>)Samples()).Select(row => row[0].GetType()).ToHashSet();

        Assert.Empty(declared.Except(sampled));
        var all = typeof(Message).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Message)) && !t.IsAbstract);
        Assert.Empty(all.Except(declared));
    }

    [Fact]
    public void The_wire_names_the_type_and_uses_camel_case()
    {
        var json = System.Text.Encoding.UTF8.GetString(FrameEncoder.Message(new Attach("a", 1, 2, false) { Id = 3 }).AsSpan(ProtocolInfo.HeaderBytes));

        Assert.Contains("\"type\":\"attach\"", json, StringComparison.Ordinal);
        Assert.Contains("\"readOnly\":false", json, StringComparison.Ordinal);
    }

    private static string Json(Message message) => JsonSerializer.Serialize(message, ProtocolJsonContext.Default.Message);
}
