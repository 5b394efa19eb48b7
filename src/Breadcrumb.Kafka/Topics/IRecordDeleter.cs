using Confluent.Kafka;

namespace Breadcrumb.Kafka.Topics;

/// <summary>
/// Deletes the records of partitions before given offsets (Kafka's DeleteRecords), so <c>TopicCleaner.TruncateAsync</c>
/// works over a real broker's admin API or over a test broker's own hook.
/// </summary>
/// <remarks>
/// <c>AdminClientRecordDeleter</c> is the implementation for real brokers. A broker without the admin API
/// can be served by an adapter over its own delete-records call.
/// </remarks>
public interface IRecordDeleter
{
    /// <summary>Deletes, in each listed partition, every record before the given offset.</summary>
    /// <param name="deleteBefore">Per partition, the offset that becomes the new low watermark.</param>
    /// <param name="cancellationToken">Stops waiting for the broker.</param>
    /// <returns>The low watermark of each partition afterwards.</returns>
    /// <exception cref="KafkaException">The broker refused; <see cref="ErrorCode.TopicAuthorizationFailed"/> when the caller lacks the DELETE right.</exception>
    Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken);
}
