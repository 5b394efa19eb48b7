using System.Globalization;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Sends records to a partition chosen here instead of by Kafka's partitioner (which hashes the key).
/// </summary>
/// <remarks>
/// <para>The lab's section F trick: with keys 1–5 and <see cref="FromKey"/>, key <c>k</c> goes to partition
/// <c>k</c>, so a consumer that reads one partition reads exactly one key.</para>
/// <para>Trade-off: the producer now owns the key-to-partition mapping. Other producers of the same topic that
/// hash keys put the same key elsewhere; the topic must have a partition for every key (key 5 needs 6 partitions,
/// since they are numbered from 0, and partition 0 stays empty); adding partitions later does not spread load;
/// one hot key makes one hot partition. Prefer a consumer-side key filter unless you need the partition mapping.</para>
/// </remarks>
public abstract class ExplicitPartition
{
    /// <summary>Initializes a new instance of the <see cref="ExplicitPartition"/> class.</summary>
    protected ExplicitPartition()
    {
    }

    /// <summary>Gets the choice that uses the key, read as a whole number, as the partition (the lab's trick).</summary>
    /// <remarks>A record whose key is missing or not a number from 0 up fails to send with an <see cref="ArgumentException"/>.</remarks>
    public static ExplicitPartition FromKey { get; } = new KeyAsPartition();

    /// <summary>Creates a choice that sends every record to one partition.</summary>
    /// <param name="partition">The partition, 0 or more.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partition"/> is negative.</exception>
    public static ExplicitPartition Fixed(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        return new FixedPartition(partition);
    }

    /// <summary>Creates a choice from a function of the key.</summary>
    /// <param name="selector">Returns a partition (0 or more) for a key (which may be <see langword="null"/>).</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    public static ExplicitPartition Custom(Func<string?, int> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new CustomPartition(selector);
    }

    /// <summary>Chooses the partition for a record with the given key.</summary>
    /// <param name="key">The record's key, or <see langword="null"/>.</param>
    /// <returns>The partition, 0 or more.</returns>
    /// <exception cref="ArgumentException">No partition can be chosen for <paramref name="key"/>.</exception>
    public abstract int PartitionFor(string? key);

    private sealed class KeyAsPartition : ExplicitPartition
    {
        public override int PartitionFor(string? key) =>
            int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                ? partition
                : throw new ArgumentException(
                    $"ExplicitPartition.FromKey needs keys that are whole numbers from 0 up (got {(key is null ? "no key" : $"'{key}'")}); " +
                    "use a numeric KeyStrategy such as KeyStrategy.Random1To5().",
                    nameof(key));

        public override string ToString() => "FromKey";
    }

    private sealed class FixedPartition(int partition) : ExplicitPartition
    {
        public override int PartitionFor(string? key) => partition;

        public override string ToString() => $"Fixed({partition})";
    }

    private sealed class CustomPartition(Func<string?, int> selector) : ExplicitPartition
    {
        public override int PartitionFor(string? key)
        {
            var partition = selector(key);
            return partition >= 0
                ? partition
                : throw new ArgumentException($"ExplicitPartition.Custom returned partition {partition} for key '{key}'; partitions are numbered from 0.", nameof(key));
        }

        public override string ToString() => "Custom";
    }
}
