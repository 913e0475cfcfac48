// Mouse reports checked against xterm's ctlseqs "Mouse Tracking" (normal, button-event, any-event; legacy and SGR encodings).
using Godel.Terminal.Input;

namespace Godel.Terminal.Tests.Input;

public sealed class MouseEncoderTests
{
    private static TerminalModes Modes(MouseTracking tracking, bool sgr) => new() { MouseTracking = tracking, SgrMouse = sgr };

    private static string Sgr(MouseInput input, MouseTracking tracking = MouseTracking.Normal) =>
        System.Text.Encoding.ASCII.GetString(MouseEncoder.Encode(input, Modes(tracking, sgr: true)));

    private static byte[] Legacy(MouseInput input, MouseTracking tracking = MouseTracking.Normal) =>
        MouseEncoder.Encode(input, Modes(tracking, sgr: false));

    [Fact]
    public void Nothing_is_reported_when_tracking_is_off() =>
        Assert.Empty(MouseEncoder.Encode(new(MouseEventKind.Press, MouseButton.Left, 0, 0), Modes(MouseTracking.Off, true)));

    [Fact]
    public void Sgr_press_and_release_keep_the_button_and_use_1_based_cells()
    {
        Assert.Equal("\u001b[<0;1;1M", Sgr(new(MouseEventKind.Press, MouseButton.Left, 0, 0)));
        Assert.Equal("\u001b[<2;10;5m", Sgr(new(MouseEventKind.Release, MouseButton.Right, 9, 4)));
        Assert.Equal("\u001b[<1;300;2M", Sgr(new(MouseEventKind.Press, MouseButton.Middle, 299, 1)));
    }

    [Fact]
    public void Sgr_wheel_and_modifiers()
    {
        Assert.Equal("\u001b[<64;3;4M", Sgr(new(MouseEventKind.Press, MouseButton.WheelUp, 2, 3)));
        Assert.Equal("\u001b[<65;3;4M", Sgr(new(MouseEventKind.Press, MouseButton.WheelDown, 2, 3)));
        Assert.Equal("\u001b[<4;1;1M", Sgr(new(MouseEventKind.Press, MouseButton.Left, 0, 0, KeyModifiers.Shift)));
        Assert.Equal("\u001b[<8;1;1M", Sgr(new(MouseEventKind.Press, MouseButton.Left, 0, 0, KeyModifiers.Alt)));
        Assert.Equal("\u001b[<16;1;1M", Sgr(new(MouseEventKind.Press, MouseButton.Left, 0, 0, KeyModifiers.Ctrl)));
        Assert.Empty(MouseEncoder.Encode(new(MouseEventKind.Release, MouseButton.WheelUp, 0, 0), Modes(MouseTracking.Normal, true)));
    }

    [Fact]
    public void Motion_depends_on_the_tracking_mode()
    {
        var drag = new MouseInput(MouseEventKind.Motion, MouseButton.Left, 4, 2);
        var hover = new MouseInput(MouseEventKind.Motion, MouseButton.None, 4, 2);

        Assert.Equal("", Sgr(drag, MouseTracking.Normal));
        Assert.Equal("\u001b[<32;5;3M", Sgr(drag, MouseTracking.ButtonEvent));
        Assert.Equal("", Sgr(hover, MouseTracking.ButtonEvent));
        Assert.Equal("\u001b[<32;5;3M", Sgr(drag, MouseTracking.AnyEvent));
        Assert.Equal("\u001b[<35;5;3M", Sgr(hover, MouseTracking.AnyEvent));
    }

    [Fact]
    public void Legacy_encodes_button_and_coordinates_offset_by_32()
    {
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32, 33, 33], Legacy(new(MouseEventKind.Press, MouseButton.Left, 0, 0)));
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32 + 2, 32 + 10, 32 + 5], Legacy(new(MouseEventKind.Press, MouseButton.Right, 9, 4)));
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32 + 64, 33, 33], Legacy(new(MouseEventKind.Press, MouseButton.WheelUp, 0, 0)));
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32 + 32, 33, 33], Legacy(new(MouseEventKind.Motion, MouseButton.Left, 0, 0), MouseTracking.ButtonEvent));
    }

    [Fact]
    public void Legacy_release_is_button_3_with_modifiers()
    {
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32 + 3, 33, 33], Legacy(new(MouseEventKind.Release, MouseButton.Right, 0, 0)));
        Assert.Equal([0x1b, (byte)'[', (byte)'M', 32 + 3 + 16, 33, 33], Legacy(new(MouseEventKind.Release, MouseButton.Left, 0, 0, KeyModifiers.Ctrl)));
    }

    [Fact]
    public void Legacy_coordinates_are_clamped_at_223()
    {
        var far = Legacy(new(MouseEventKind.Press, MouseButton.Left, 500, 222));
        Assert.Equal(255, far[4]);
        Assert.Equal(255, far[5]);
        Assert.Equal(32 + 223, Legacy(new(MouseEventKind.Press, MouseButton.Left, 222, 0))[4]);
    }
}
