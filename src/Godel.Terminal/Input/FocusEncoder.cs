// Turns focus changes into ESC[I / ESC[O when the child enabled mode 1004.
namespace Godel.Terminal.Input;

public static class FocusEncoder
{
    /// <summary>ESC [ I on focus in, ESC [ O on focus out; empty unless focus events are on.</summary>
    public static byte[] Encode(bool focused, TerminalModes modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (!modes.FocusEvents)
        {
            return [];
        }

        return [0x1b, (byte)'[', focused ? (byte)'I' : (byte)'O'];
    }
}
