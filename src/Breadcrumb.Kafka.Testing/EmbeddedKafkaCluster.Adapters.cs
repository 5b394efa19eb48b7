using Breadcrumb.Kafka.Topics;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Testing;

/// <content>Adapters that let the library's topic tools use the embedded broker's own calls.</content>
public sealed partial class EmbeddedKafkaCluster
{
    /// <summary>
    /// Creates an <see cref="IRecordDeleter"/> that deletes records through <see cref="DeleteRecords"/>, for
    /// <c>TopicCleaner</c>. It works on both fidelities (the raw mock times out the admin client's DeleteRecords).
    /// </summary>
    /// <returns>The deleter; it owns no client and needs no disposal.</returns>
    public IRecordDeleter CreateRecordDeleter() => new RecordDeleter(this);

    /// <summary>
    /// Creates an <see cref="IStoredBytesReporter"/> for <c>TopicInspector</c>: the bytes the faithful layer
    /// counted per partition, or <see langword="null"/> ("not reported") on <see cref="EmbeddedKafkaFidelity.RawMock"/>,
    /// which counts nothing.
    /// </summary>
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
            if (cluster.Options.Fidelity != EmbeddedKafkaFidelity.Faithful)
            {
                return null; // the raw mock counts nothing: "not reported" beats an invented number
            }

            var stats = await cluster.GetPartitionStatsAsync(topic, cancellationToken).ConfigureAwait(false);
            return stats.ToDictionary(s => s.Partition, s => s.EstimatedRetainedBytes);
        }
    }
}
