using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Reliability.Support;

/// <summary>Checks that every error pushed onto the mock's Produce queue was spent on the run's requests.</summary>
internal static class PushedErrors
{
    /// <summary>
    /// Sends one record with retries off: if any pushed Produce error were left, this request would take it and fail.
    /// So success proves the run under test met every injected error.
    /// </summary>
    public static async Task<DeliveryResult<string, string>> ProbeNoneLeftAsync(EmbeddedKafkaCluster cluster)
    {
        var topic = $"probe-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 1);
        var config = cluster.Connection.CreateProducerConfig();
        config.EnableIdempotence = false;
        config.MessageSendMaxRetries = 0;
        config.Acks = Acks.All;
        using var producer = new ProducerBuilder<string, string>(config).Build();
        return await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<string, string> { Key = "probe", Value = "probe" });
    }
}
