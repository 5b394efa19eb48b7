using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Support;

/// <summary>Serves <see cref="IRecordDeleter"/> with the embedded broker's own delete-records call (its admin API times out).</summary>
internal sealed class EmbeddedRecordDeleter(EmbeddedKafkaCluster cluster) : IRecordDeleter
{
    public List<TopicPartitionOffset> Requests { get; } = [];

    public Task<IReadOnlyList<TopicPartitionOffset>> DeleteRecordsAsync(IReadOnlyList<TopicPartitionOffset> deleteBefore, CancellationToken cancellationToken)
    {
        Requests.AddRange(deleteBefore);
        foreach (var tpo in deleteBefore)
        {
            cluster.DeleteRecords(tpo.Topic, tpo.Partition.Value, tpo.Offset.Value);
        }

        return Task.FromResult<IReadOnlyList<TopicPartitionOffset>>(deleteBefore.ToList());
    }
}
