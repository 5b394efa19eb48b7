using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Native;

namespace Breadcrumb.Kafka.Testing;

/// <summary>Admin requests (CreateTopics, DeleteTopics, DeleteRecords) answered by the layer through the mock's own API.</summary>
public sealed partial class EmbeddedKafkaCluster
{
    private static short ToKafkaError(int mockError) => mockError < 0 ? (short)-1 : (short)mockError;

    /// <summary>Carries out admin requests arriving through the layer on this cluster, keeping its bookkeeping.</summary>
    private sealed class LayerAdmin(EmbeddedKafkaCluster owner) : IMockAdmin
    {
        public short CreateTopic(string topic, int partitions) =>
            ToKafkaError(MockClusterNative.TopicCreate(owner.Cluster, topic, partitions, 1));

        public short DeleteTopic(string topic)
        {
            var error = ToKafkaError(MockClusterNative.TopicDelete(owner.Cluster, topic));
            if (error == 0)
            {
                owner.Forget(topic);
            }

            return error;
        }

        public short DeleteRecords(string topic, int partition, long beforeOffset)
        {
            var error = ToKafkaError(MockClusterNative.PartitionDeleteRecords(owner.Cluster, topic, partition, beforeOffset));
            if (error == 0)
            {
                owner.deletedBefore[(topic, partition)] = beforeOffset;
            }

            return error;
        }
    }
}
