namespace Breadcrumb.Kafka.Lab;

/// <summary>One librdkafka statistics report (<c>statistics.interval.ms</c>) of a producer or consumer, typed.</summary>
/// <param name="ClientName">The client instance name (e.g. <c>producer0#producer-1</c>).</param>
/// <param name="ClientId">The configured <c>client.id</c>.</param>
/// <param name="ClientType"><c>producer</c> or <c>consumer</c>.</param>
/// <param name="Time">When librdkafka emitted the report (whole seconds).</param>
/// <param name="QueuedRecords">Records in the client's queues (producer: waiting to be sent or acknowledged).</param>
/// <param name="RecordsSent">Records sent to brokers in total (<c>txmsgs</c>).</param>
/// <param name="BytesSent">Record bytes sent to brokers in total (<c>txmsg_bytes</c>).</param>
/// <param name="RecordsReceived">Records received (fetched) from brokers in total (<c>rxmsgs</c>).</param>
/// <param name="BytesReceived">Record bytes received from brokers in total (<c>rxmsg_bytes</c>).</param>
/// <param name="GroupState">The consumer group state (<c>up</c> when joined), or <see langword="null"/> for a producer.</param>
/// <param name="Topics">Per-topic figures, ordered by topic name.</param>
public sealed record KafkaStatistics(
    string ClientName,
    string ClientId,
    string ClientType,
    DateTimeOffset Time,
    long QueuedRecords,
    long RecordsSent,
    long BytesSent,
    long RecordsReceived,
    long BytesReceived,
    string? GroupState,
    IReadOnlyList<TopicStatistics> Topics);
