// Broken, foreign and mismatched clients are refused or closed, logged, and never disturb the other clients.
using System.Buffers.Binary;
using System.Net.Sockets;
using Godel.Daemon.Server;
using Godel.Daemon.Tests.Support;
using Godel.Protocol;
using Godel.Protocol.Client;
using Godel.Protocol.Framing;
using Godel.Protocol.Messages;

namespace Godel.Daemon.Tests;

public sealed class ConnectionRobustnessTests
{
    private static async Task<NetworkStream> RawAsync(TestDaemon daemon)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(daemon.Host.SocketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static async Task<Message?> ReadMessageAsync(Stream stream)
    {
        var frame = await new FrameReader(stream).ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return frame is { Kind: FrameKind.Message } f ? FrameDecoder.Message(f.Payload.Span) : null;
    }

    [Fact]
    public async Task A_client_of_another_protocol_version_gets_the_restart_message_and_others_carry_on()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var good = await daemon.ConnectAsync();
        await using var raw = await RawAsync(daemon);

        await raw.WriteAsync(FrameEncoder.Message(new Hello(ProtocolInfo.Version + 1, "old-cli", "9", 1) { Id = 1 }));
        var reply = await ReadMessageAsync(raw);

        var error = Assert.IsType<Error>(reply);
        Assert.Equal(ErrorCodes.VersionMismatch, error.Code);
        Assert.Equal($"daemon is version {ProtocolInfo.Version}, client {ProtocolInfo.Version + 1}: restart it with `godel daemon stop`", error.Message);
        Assert.NotNull(await good.RequestAsync<AgentList>(new ListAgents()));
        await Eventually.True(() => daemon.Log.Contains("old-cli", StringComparison.Ordinal), "the mismatch in the daemon log");
    }

    [Fact]
    public async Task A_malformed_frame_closes_only_that_client()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var good = await daemon.ConnectAsync();
        var agent = await good.SpawnAsync(new SpawnAgent());
        await using var raw = await RawAsync(daemon);
        await raw.WriteAsync(FrameEncoder.Message(new Hello(ProtocolInfo.Version, "fuzzer", "0", 1) { Id = 1 }));
        Assert.IsType<Welcome>(await ReadMessageAsync(raw));

        var junk = new byte[] { 0, 0, 0, 3, (byte)FrameKind.Message, (byte)'{', (byte)'x', (byte)'}' };
        await raw.WriteAsync(junk);
        var reply = await ReadMessageAsync(raw);

        Assert.Equal(ErrorCodes.MalformedFrame, Assert.IsType<Error>(reply).Code);
        Assert.Equal(0, await raw.ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        await good.TypeAsync(agent.Name, "echo still-served");
        await good.WaitForScreenAsync(agent.Name, "\nstill-served");
        await Eventually.True(() => daemon.Log.Contains("not a valid message", StringComparison.Ordinal), "the malformed frame in the daemon log");
    }

    [Fact]
    public async Task An_oversized_frame_is_refused_without_reading_it()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var raw = await RawAsync(daemon);
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header, uint.MaxValue);
        header[4] = (byte)FrameKind.Message;

        await raw.WriteAsync(header);

        Assert.Equal(ErrorCodes.MalformedFrame, Assert.IsType<Error>(await ReadMessageAsync(raw)).Code);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_frame_is_logged_and_forgotten()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var good = await daemon.ConnectAsync();
        var raw = await RawAsync(daemon);
        await raw.WriteAsync(FrameEncoder.Message(new Hello(ProtocolInfo.Version, "quitter", "0", 1) { Id = 1 }));
        await ReadMessageAsync(raw);

        var frame = FrameEncoder.Message(new ListAgents { Id = 2 });
        await raw.WriteAsync(frame.AsMemory(0, frame.Length - 3));
        await raw.DisposeAsync();

        await Eventually.True(() => daemon.Log.Contains("closed in the middle", StringComparison.Ordinal), "the broken frame in the log");
        Assert.NotNull(await good.RequestAsync<AgentList>(new ListAgents()));
    }

    [Fact]
    public async Task A_request_before_the_handshake_is_refused()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var raw = await RawAsync(daemon);

        await raw.WriteAsync(FrameEncoder.Message(new ListAgents { Id = 1 }));

        Assert.Equal(ErrorCodes.MalformedFrame, Assert.IsType<Error>(await ReadMessageAsync(raw)).Code);
    }

    [Fact]
    public async Task Another_uid_is_refused_and_logged()
    {
        // This process cannot switch users; the daemon is told to expect a different uid, so our own uid is "another user".
        await using var daemon = await TestDaemon.StartAsync(o => o with { AllowedUid = Native.Posix.GetEffectiveUserId() + 1 });

        var refused = await Record.ExceptionAsync(() => daemon.ConnectAsync());

        Assert.NotNull(refused);
        await Eventually.True(() => daemon.Log.Contains("refused a connection from uid", StringComparison.Ordinal), "the refusal in the log");
    }

    [Fact]
    public void The_peer_check_allows_only_the_expected_uid()
    {
        Assert.Null(PeerCheck.Refusal(1000, 42, 1000));
        Assert.Equal("refused a connection from uid 1001 (pid 42): the daemon serves only uid 1000", PeerCheck.Refusal(1001, 42, 1000));
        Assert.NotNull(PeerCheck.Refusal(0, 1, 1000)); // not even root
    }

    [Fact]
    public async Task The_socket_is_private_to_the_user()
    {
        await using var daemon = await TestDaemon.StartAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.Host.SocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(daemon.Options.SocketDirectory));
    }

    [Fact]
    public async Task A_second_daemon_for_the_same_workspace_is_refused()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var e = Assert.Throws<IOException>(() => DaemonHost.Start(daemon.Options));

        Assert.Contains("already running", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agent_is_a_clear_error()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await using var client = await daemon.ConnectAsync();

        await client.SpawnAsync(new SpawnAgent { Name = "worker" });

        var e = await Assert.ThrowsAsync<DaemonErrorException>(() => client.CaptureAsync("wroker"));

        Assert.Equal(ErrorCodes.UnknownAgent, e.Code);
        Assert.Equal("no agent named 'wroker': did you mean 'worker'? (see `godel agent list`)", e.Message);
    }
}
