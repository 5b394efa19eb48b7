namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes one record that broke per-key order: its offset was not greater than the previous record with the same key in the same partition.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Key">The key (<see cref="KeyOrderChecker.NullKeyLabel"/> for records without a key).</param>
/// <param name="PreviousOffset">The offset of the previous record seen with this key in this partition.</param>
/// <param name="Offset">The offending record's offset.</param>
public sealed record KeyOrderViolation(string Topic, int Partition, string Key, long PreviousOffset, long Offset)
{
    /// <summary>Returns a one-line description of the violation.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"key '{Key}' in {Topic} [{Partition}]: offset {Offset} came after {PreviousOffset}";
}
