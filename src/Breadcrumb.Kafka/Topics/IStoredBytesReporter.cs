namespace Breadcrumb.Kafka.Topics;

/// <summary>
/// Tells how many bytes a broker stores per partition of a topic, for <c>TopicInspector</c>. Confluent.Kafka has
/// no DescribeLogDirs call, so sources are broker-specific (e.g. Confluent Cloud's Metrics API <c>retained_bytes</c>).
/// </summary>
public interface IStoredBytesReporter
{
    /// <summary>Returns the stored bytes per partition, or <see langword="null"/> when this broker does not report them.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Bytes per partition number, or <see langword="null"/>.</returns>
    Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken);
}
