using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples;

/// <summary>Lets <see cref="TopicCleaner"/> truncate topics of an in-process embedded broker through its own delete-records call.</summary>
/// <param name="cluster">The cluster.</param>
internal sealed class EmbeddedRecordDeleter(EmbeddedKafkaCluster cluster) : IRecordDeleter
{
    public Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken)
    {
        foreach (var position in deleteBefore)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cluster.DeleteRecords(position.Topic, position.Partition.Value, position.Offset.Value);
        }

        return Task.FromResult(deleteBefore);
    }
}

/// <summary>Lets <see cref="TopicInspector"/> report the bytes an in-process embedded broker's faithful layer counted per partition.</summary>
/// <param name="cluster">The cluster.</param>
internal sealed class EmbeddedStoredBytesReporter(EmbeddedKafkaCluster cluster) : IStoredBytesReporter
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
