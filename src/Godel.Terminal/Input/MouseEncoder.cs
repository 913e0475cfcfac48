// Turns mouse events into xterm mouse reports (X10-style legacy or SGR 1006) when the child asked for them.
using System.Globalization;
using System.Text;

namespace Godel.Terminal.Input;

/// <summary>Which button an event is about; <see cref="None"/> is motion with no button held.</summary>
public enum MouseButton
{
    None,
    Left,
    Middle,
    Right,
    WheelUp,
    WheelDown,
    WheelLeft,
    WheelRight,
}

public enum MouseEventKind
{
    Press,
    Release,
    Motion,
}

/// <summary>One mouse event at a 0-based cell (column, row) of the pane. For motion, <see cref="Button"/> is the button held, if any.</summary>
public readonly record struct MouseInput(MouseEventKind Kind, MouseButton Button, int Column, int Row, KeyModifiers Modifiers = KeyModifiers.None);

/// <summary>Encodes mouse events per xterm ctlseqs "Mouse Tracking": modes 1000/1002/1003, encodings legacy and 1006.</summary>
public static class MouseEncoder
{
    /// <summary>Largest 1-based coordinate the legacy encoding can carry (255 - 32).</summary>
    public const int LegacyCoordinateLimit = 223;

    /// <summary>The report for <paramref name="input"/>; empty when the child's mouse mode does not report it.</summary>
    public static byte[] Encode(MouseInput input, TerminalModes modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (!IsReported(input, modes.MouseTracking))
        {
            return [];
        }

        var code = ButtonCode(input) + ModifierBits(input.Modifiers) + (input.Kind == MouseEventKind.Motion ? 32 : 0);
        return modes.SgrMouse ? Sgr(input, code) : Legacy(input, code);
    }

    private static bool IsReported(MouseInput input, MouseTracking tracking)
    {
        var isWheel = input.Button >= MouseButton.WheelUp;
        return input.Kind switch
        {
            _ when tracking == MouseTracking.Off => false,
            // Wheel "buttons" have no release.
            MouseEventKind.Release => !isWheel && input.Button != MouseButton.None,
            MouseEventKind.Press => input.Button != MouseButton.None,
            _ => tracking == MouseTracking.AnyEvent
                || (tracking == MouseTracking.ButtonEvent && input.Button is not MouseButton.None && !isWheel),
        };
    }

    /// <summary>Button number before modifiers: 0-2 buttons, 3 no button, 64-67 wheel.</summary>
    private static int ButtonCode(MouseInput input) => input.Button switch
    {
        MouseButton.Left => 0,
        MouseButton.Middle => 1,
        MouseButton.Right => 2,
        MouseButton.WheelUp => 64,
        MouseButton.WheelDown => 65,
        MouseButton.WheelLeft => 66,
        MouseButton.WheelRight => 67,
        _ => 3,
    };

    private static int ModifierBits(KeyModifiers modifiers) =>
        ((modifiers & KeyModifiers.Shift) != 0 ? 4 : 0)
        | ((modifiers & KeyModifiers.Alt) != 0 ? 8 : 0)
        | ((modifiers & KeyModifiers.Ctrl) != 0 ? 16 : 0);

    /// <summary>SGR (1006): decimal parameters, final M for press/motion and m for release, which keeps the button.</summary>
    private static byte[] Sgr(MouseInput input, int code)
    {
        var final = input.Kind == MouseEventKind.Release ? 'm' : 'M';
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"\u001b[<{code};{Math.Max(0, input.Column) + 1};{Math.Max(0, input.Row) + 1}{final}");
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>Legacy: CSI M then three bytes offset by 32; a release is button 3 since the encoding cannot say which.</summary>
    private static byte[] Legacy(MouseInput input, int code)
    {
        if (input.Kind == MouseEventKind.Release)
        {
            code = 3 + ModifierBits(input.Modifiers);
        }

        return
        [
            0x1b, (byte)'[', (byte)'M',
            (byte)(32 + code),
            LegacyCoordinate(input.Column),
            LegacyCoordinate(input.Row),
        ];
    }

    private static byte LegacyCoordinate(int zeroBased) =>
        (byte)(32 + Math.Clamp(zeroBased + 1, 1, LegacyCoordinateLimit));
}
