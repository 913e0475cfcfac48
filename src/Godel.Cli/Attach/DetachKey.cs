// Turns a configured detach key ("Ctrl+\", "Ctrl+]", "Ctrl+Q") into the byte a raw terminal sends for it.
namespace Godel.Cli.Attach;

internal static class DetachKey
{
    /// <summary>The control byte, or null with a reason when the key is not a Ctrl+character combination.</summary>
    public static byte? Parse(string key, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(key);
        problem = null;
        var parts = key.Split('+', 2);
        if (parts.Length == 2 && parts[0].Equals("ctrl", StringComparison.OrdinalIgnoreCase) && parts[1].Length == 1)
        {
            var c = char.ToUpperInvariant(parts[1][0]);
            if (c is >= '@' and <= '_')
            {
                return (byte)(c & 0x1f);
            }
        }

        problem = $"detach key '{key}' is not supported: use Ctrl+ followed by a letter or one of @ [ \\ ] ^ _ (e.g. \"Ctrl+\\\\\")";
        return null;
    }
}
