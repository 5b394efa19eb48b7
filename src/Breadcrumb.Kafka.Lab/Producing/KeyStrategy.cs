using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Chooses the key of each record, which decides its partition (records with the same key share a partition and
/// keep their order). A pure function of a <see cref="KeyContext"/>: no clock, no shared state.
/// </summary>
/// <remarks>All strategies are immutable and thread-safe, so several producers can share one.</remarks>
public abstract class KeyStrategy
{
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 1001).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Initializes a new instance of the <see cref="KeyStrategy"/> class.</summary>
    protected KeyStrategy()
    {
    }

    /// <summary>Gets the strategy that sends records without a key: librdkafka spreads them over partitions.</summary>
    public static KeyStrategy None { get; } = new NoKey();

    /// <summary>Gets the strategy that keys every record with the producer's name (<c>producer0</c>, <c>producer1</c>, …), as the lab's concurrent producers do.</summary>
    public static KeyStrategy ProducerName { get; } = new ProducerNameKey();

    /// <summary>Creates a strategy that keys every record with <paramref name="key"/>.</summary>
    /// <param name="key">The key; not empty.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
    public static KeyStrategy Constant(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new ConstantKey(key);
    }

    /// <summary>
    /// Creates a strategy that keys each record with a random whole number from 1 to 5, as the lab's section F does.
    /// </summary>
    /// <param name="seed">The seed: the same seed gives the same keys for the same record positions. <see langword="null"/> picks one.</param>
    /// <returns>The strategy.</returns>
    public static KeyStrategy Random1To5(int? seed = null) => RandomNumber(1, 5, seed);

    /// <summary>Creates a strategy that keys each record with a random whole number in a range.</summary>
    /// <param name="minInclusive">The smallest key; 0 or more.</param>
    /// <param name="maxInclusive">The largest key; at least <paramref name="minInclusive"/>.</param>
    /// <param name="seed">The seed: the same seed gives the same keys for the same record positions. <see langword="null"/> picks one.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or negative.</exception>
    public static KeyStrategy RandomNumber(int minInclusive, int maxInclusive, int? seed = null)
    {
        if (minInclusive < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minInclusive), minInclusive, $"KeyStrategy.RandomNumber: minInclusive must be 0 or more (was {minInclusive}).");
        }

        if (maxInclusive < minInclusive)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxInclusive), maxInclusive, $"KeyStrategy.RandomNumber: maxInclusive must be at least minInclusive {minInclusive} (was {maxInclusive}).");
        }

#pragma warning disable CA5394 // Random is fine: keys spread records, they protect nothing.
        return new RandomNumberKey(minInclusive, maxInclusive, seed ?? Random.Shared.Next());
#pragma warning restore CA5394
    }

    /// <summary>Creates a strategy from a function.</summary>
    /// <param name="selector">Returns the key for a record, or <see langword="null"/> for no key. It must be thread-safe if the producer is shared.</param>
    /// <returns>The strategy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    public static KeyStrategy Custom(Func<KeyContext, string?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new CustomKey(selector);
    }

    /// <summary>Chooses the key for one record.</summary>
    /// <param name="context">The record, its position and the producer's name.</param>
    /// <returns>The key, or <see langword="null"/> to send without a key.</returns>
    public abstract string? KeyFor(in KeyContext context);

    private static string Number(int value) =>
        (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    private sealed class NoKey : KeyStrategy
    {
        public override string? KeyFor(in KeyContext context) => null;

        public override string ToString() => "None";
    }

    private sealed class ProducerNameKey : KeyStrategy
    {
        public override string? KeyFor(in KeyContext context) => context.ProducerName;

        public override string ToString() => "ProducerName";
    }

    private sealed class ConstantKey(string key) : KeyStrategy
    {
        public override string? KeyFor(in KeyContext context) => key;

        public override string ToString() => $"Constant({key})";
    }

    private sealed class CustomKey(Func<KeyContext, string?> selector) : KeyStrategy
    {
        public override string? KeyFor(in KeyContext context) => selector(context);

        public override string ToString() => "Custom";
    }

    private sealed class RandomNumberKey(int min, int max, int seed) : KeyStrategy
    {
        private readonly ulong range = (ulong)(max - min) + 1;

        // A hash of (seed, index) instead of a shared Random: the key of record i never depends on which thread or
        // producer sent records before it, so runs repeat exactly and the strategy holds no mutable state.
        public override string? KeyFor(in KeyContext context) =>
            Number(min + (int)(SplitMix64(((ulong)(uint)seed << 32) ^ (ulong)context.Index) % range));

        public override string ToString() => $"RandomNumber({min}..{max}, seed {seed})";

        private static ulong SplitMix64(ulong x)
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
