using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// Encodes partitions as a classic ConsumerProtocolAssignment v0 (version, then topic names with partitions, then
/// empty user data), so admin clients describing a consumer-protocol group through DescribeGroups see assignments.
/// </summary>
internal static class ConsumerAssignmentEncoding
{
    public static byte[] Encode(ClusterCore cluster, TopicPartitionSet partitions)
    {
        using var writer = new KafkaWriter(64);
        writer.WriteInt16(0);
        var topics = partitions.ByTopic.Select(t => (Name: cluster.Topics.Find(t.TopicId)?.Name, t.Partitions)).Where(t => t.Name is not null).ToList();
        writer.WriteArrayLength(topics.Count, compact: false);
        foreach (var (name, list) in topics)
        {
            writer.WriteString(name, compact: false);
            writer.WriteArrayLength(list.Count, compact: false);
            foreach (var p in list)
            {
                writer.WriteInt32(p);
            }
        }

        writer.WriteNullableBytes(null, compact: false);
        return writer.WrittenSpan.ToArray();
    }
}
