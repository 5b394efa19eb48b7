using Breadcrumb.Kafka.Topics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <content>Partition figures read from the broker, and adapters that let the library's topic tools use them.</content>
public sealed partial class EmbeddedKafkaCluster
{
    /// <summary>Reads every partition's leader, watermarks and stored bytes straight from the broker.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per partition, in partition order.</returns>
    /// <exception cref="ArgumentException">The topic does not exist.</exception>
    public Task<IReadOnlyList<EmbeddedPartitionStats>> GetPartitionStatsAsync(string topic, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var description = Broker.DescribeTopic(topic) ?? throw new ArgumentException($"Embedded Kafka has no topic '{topic}'.", nameof(topic));
        return Task.FromResult<IReadOnlyList<EmbeddedPartitionStats>>([.. description.Partitions.Select(p =>
            new EmbeddedPartitionStats(topic, p.Partition, p.Leader, p.LogStartOffset, p.HighWatermark, p.SizeBytes))]);
    }

    /// <summary>Creates an <see cref="IRecordDeleter"/> that deletes records through <see cref="DeleteRecords"/>, for <c>TopicCleaner</c>.</summary>
    /// <returns>The deleter; it owns no client and needs no disposal.</returns>
    public IRecordDeleter CreateRecordDeleter() => new RecordDeleter(this);

    /// <summary>Creates an <see cref="IStoredBytesReporter"/> for <c>TopicInspector</c>: the bytes each partition holds, from the broker.</summary>
    /// <returns>The reporter; it owns no client and needs no disposal.</returns>
    public IStoredBytesReporter CreateStoredBytesReporter() => new StoredBytesReporter(this);

    private sealed class RecordDeleter(EmbeddedKafkaCluster cluster) : IRecordDeleter
    {
        public Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(deleteBefore);
            foreach (var position in deleteBefore)
            {
                cancellationToken.ThrowIfCancellationRequested();
                cluster.DeleteRecords(position.Topic, position.Partition.Value, position.Offset.Value);
            }

            return Task.FromResult<IReadOnlyList<TopicPartitionOffset>>([.. deleteBefore]);
        }
    }

    private sealed class StoredBytesReporter(EmbeddedKafkaCluster cluster) : IStoredBytesReporter
    {
        public async Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken)
        {
            var stats = await cluster.GetPartitionStatsAsync(topic, cancellationToken).ConfigureAwait(false);
            return stats.ToDictionary(s => s.Partition, s => s.StoredBytes);
        }
    }
}
