namespace Breadcrumb.Kafka.Samples;

/// <summary>Records <paramref name="From"/> to <paramref name="To"/> (inclusive) of one partition: a compact set of record ids.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="From">The first offset.</param>
/// <param name="To">The last offset.</param>
public sealed record OffsetRange(int Partition, long From, long To)
{
    /// <summary>Gets the number of records in the range.</summary>
    public long Count => To - From + 1;

    /// <summary>Returns the range as <c>p3:100-199</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => From == To ? $"p{Partition}:{From}" : $"p{Partition}:{From}-{To}";
}
