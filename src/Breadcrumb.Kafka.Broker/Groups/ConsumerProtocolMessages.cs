using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>
/// Reads the topics out of a consumer's JoinGroup metadata (ConsumerProtocolSubscription: version, topics, …)
/// so OffsetDelete can tell whether a classic group still consumes a topic. Anything unreadable counts as no topics.
/// </summary>
internal static class ConsumerProtocolMessages
{
    public static IReadOnlySet<string> SubscribedTopics(byte[] metadata)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new KafkaReader(metadata);
            reader.ReadInt16();
            var count = reader.ReadArrayLength(compact: false);
            for (var i = 0; i < count; i++)
            {
                topics.Add(reader.ReadString(compact: false));
            }
        }
        catch (KafkaProtocolException)
        {
            topics.Clear();
        }

        return topics;
    }
}
