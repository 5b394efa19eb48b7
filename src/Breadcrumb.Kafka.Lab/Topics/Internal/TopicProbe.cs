using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Topics.Internal;

/// <summary>Blocking metadata and watermark look-ups shared by the topic tools; callers run them off their async context.</summary>
internal static class TopicProbe
{
    private const string LogCategory = "Breadcrumb.Kafka.Topics";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Returns the topic's partition numbers, or throws a clear error when it is missing or not visible.</summary>
    public static IReadOnlyList<int> Partitions(KafkaConnection connection, string topic, string consequence)
    {
        TopicNames.Validate(topic);
        using var admin = new AdminClientBuilder(connection.CreateAdminConfig()).WithLogging(connection.CreateLogger(LogCategory)).Build();

        // All-topic metadata: asking for one topic by name may auto-create it on brokers that allow that.
        var metadata = admin.GetMetadata(Timeout);
        var found = metadata.Topics.FirstOrDefault(t => string.Equals(t.Topic, topic, StringComparison.Ordinal));
        if (found?.Error.Code == ErrorCode.TopicAuthorizationFailed)
        {
            throw new KafkaAuthorizationException(
                ErrorCode.TopicAuthorizationFailed,
                $"Not allowed to describe topic '{topic}' on {connection.BootstrapServers} (TopicAuthorizationFailed): {consequence}. Grant DESCRIBE on the topic (ACL) to this principal.");
        }

        if (found is null || found.Error.Code == ErrorCode.UnknownTopicOrPart || found.Partitions.Count == 0)
        {
            var known = metadata.Topics.Select(t => t.Topic).Where(t => !t.StartsWith('_')).Order(StringComparer.Ordinal).Take(10).ToList();
            throw new InvalidOperationException(
                $"Topic '{topic}' does not exist on {connection.BootstrapServers} (or this principal may not see it): {consequence}. "
                + $"Check the name; topics found: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }

        return found.Partitions.Select(p => p.PartitionId).Order().ToList();
    }

    /// <summary>Queries the low and high watermark of each partition from the partition leaders.</summary>
    public static IReadOnlyList<(int Partition, long Low, long High)> Watermarks(
        KafkaConnection connection, string topic, IReadOnlyList<int> partitions, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(connection.CreateConsumerConfig("breadcrumb-topic-probe")).WithLogging(connection.CreateLogger(LogCategory)).Build();
        var result = new List<(int, long, long)>(partitions.Count);
        foreach (var partition in partitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), Timeout);
            result.Add((partition, offsets.Low.Value, offsets.High.Value));
        }

        return result;
    }
}
