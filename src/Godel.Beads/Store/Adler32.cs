// The zlib stream checksum, with combine so a stream assembled from cached pieces needs no second pass over its bytes.
namespace Godel.Beads.Store;

/// <summary>Adler-32 as RFC 1950 defines it; Combine is zlib's adler32_combine.</summary>
internal static class Adler32
{
    private const uint Mod = 65521;
    private const int MaxRun = 5552; // the longest run before the sums could overflow 32 bits

    public const uint Initial = 1;

    public static uint Compute(uint adler, ReadOnlySpan<byte> data)
    {
        uint a = adler & 0xFFFF, b = adler >> 16;
        while (data.Length > 0)
        {
            var run = data[..Math.Min(data.Length, MaxRun)];
            foreach (var x in run)
            {
                a += x;
                b += a;
            }
            a %= Mod;
            b %= Mod;
            data = data[run.Length..];
        }
        return (b << 16) | a;
    }

    /// <summary>The checksum of A followed by B, from A's checksum, B's checksum and B's length.</summary>
    public static uint Combine(uint adlerA, uint adlerB, long lengthB)
    {
        var rem = (uint)(lengthB % Mod);
        ulong sum1 = adlerA & 0xFFFF;
        var sum2 = rem * sum1 % Mod;
        sum1 += (adlerB & 0xFFFF) + Mod - 1;
        sum2 += ((adlerA >> 16) & 0xFFFF) + ((adlerB >> 16) & 0xFFFF) + Mod - rem;
        if (sum1 >= Mod) sum1 -= Mod;
        if (sum1 >= Mod) sum1 -= Mod;
        if (sum2 >= Mod << 1) sum2 -= Mod << 1;
        if (sum2 >= Mod) sum2 -= Mod;
        return (uint)(sum1 | (sum2 << 16));
    }
}
