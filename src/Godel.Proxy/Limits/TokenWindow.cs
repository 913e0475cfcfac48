// A tokens-per-minute window that can take back what a request reserved but did not use.
namespace Godel.Proxy.Limits;

/// <summary>
/// Sliding minute in six 10-second buckets. System.Threading.RateLimiting cannot refund permits, and requests
/// reserve `max_tokens` up front (often 32k) while using a fraction, so without refunds a tokens/minute limit
/// would throttle long before the real spend reaches it. A request larger than the whole limit still passes
/// when the window is empty (otherwise it could never run).
/// </summary>
internal sealed class TokenWindow(long limit, TimeProvider time)
{
    private const int Buckets = 6;
    private static readonly long BucketMs = 10_000;

    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _starts = new long[Buckets];

    /// <summary>Reserves <paramref name="tokens"/>; on refusal returns the seconds until enough of the window expires.</summary>
    public bool TryReserve(long tokens, out int retryAfterSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var used = Used(now);
            if (used > 0 && used + tokens > limit)
            {
                retryAfterSeconds = RetryAfter(now);
                return false;
            }
            Bucket(now) += tokens;
            retryAfterSeconds = 0;
            return true;
        }
    }

    /// <summary>Adds (or, negative, refunds) tokens once the real usage is known.</summary>
    public void Adjust(long delta)
    {
        if (delta == 0)
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            Bucket(now) += delta;
        }
    }

    private long Used(long now)
    {
        long used = 0;
        for (var i = 0; i < Buckets; i++)
        {
            if (now - _starts[i] < BucketMs * Buckets)
            {
                used += _counts[i];
            }
        }
        return Math.Max(0, used);
    }

    private ref long Bucket(long now)
    {
        var start = now - (now % BucketMs);
        var i = (int)(start / BucketMs % Buckets);
        if (_starts[i] != start)
        {
            _starts[i] = start;
            _counts[i] = 0;
        }
        return ref _counts[i];
    }

    private int RetryAfter(long now)
    {
        var oldest = long.MaxValue;
        for (var i = 0; i < Buckets; i++)
        {
            if (_counts[i] > 0 && now - _starts[i] < BucketMs * Buckets)
            {
                oldest = Math.Min(oldest, _starts[i]);
            }
        }
        return oldest == long.MaxValue ? 1 : (int)Math.Max(1, (oldest + BucketMs * Buckets - now + 999) / 1000);
    }
}
