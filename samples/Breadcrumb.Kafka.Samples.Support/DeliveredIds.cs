using System.Collections.Concurrent;

namespace Breadcrumb.Kafka.Samples;

/// <summary>Collects the partition and offset of every record the broker confirmed, from a producer's delivery reports.</summary>
public sealed class DeliveredIds
{
    private readonly ConcurrentBag<(int Partition, long Offset)> ids = [];

    /// <summary>Gets the number of confirmed records.</summary>
    public int Count => ids.Count;

    /// <summary>Notes one delivery report; give it to the producer as <c>OnDelivery</c>.</summary>
    /// <param name="value">The report.</param>
    public void Report(DeliveryReport<string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsDelivered)
        {
            ids.Add((value.Partition, value.Offset));
        }
    }

    /// <summary>Returns the confirmed record ids.</summary>
    /// <returns>Merged ranges.</returns>
    public IReadOnlyList<OffsetRange> ToRanges() => OffsetRanges.From(ids);
}
