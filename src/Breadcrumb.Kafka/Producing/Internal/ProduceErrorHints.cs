using Confluent.Kafka;

namespace Breadcrumb.Kafka.Producing;

/// <summary>Explains producer error codes and says what to do about them.</summary>
internal static class ProduceErrorHints
{
    public static string MeaningOf(ErrorCode code) => code.GetReason();

    public static string HintFor(ErrorCode code) => code switch
    {
        ErrorCode.Local_Fatal =>
            "the idempotent producer cannot keep its ordering and no-duplicate guarantees any more; dispose this producer and create a new one.",
        ErrorCode.OutOfOrderSequenceNumber or ErrorCode.UnknownProducerId or ErrorCode.InvalidProducerEpoch or ErrorCode.ProducerFenced =>
            "the broker lost or rejected this producer's idempotence state (often after records were deleted); create a new producer.",
        ErrorCode.Local_QueueFull =>
            "the local queue stayed full: the broker is slow or unreachable, or raise queue.buffering.max.messages / queue.buffering.max.kbytes.",
        ErrorCode.MsgSizeTooLarge =>
            "the record is larger than message.max.bytes (client) or the topic's max.message.bytes (broker); send smaller records or raise both.",
        ErrorCode.Local_UnknownTopic or ErrorCode.UnknownTopicOrPart =>
            "the topic does not exist; create it first (the lab's topic has 6 partitions) or check the topic name.",
        ErrorCode.Local_UnknownPartition =>
            "an explicit partition is not below the topic's partition count; create more partitions or use smaller numeric keys.",
        ErrorCode.Local_MsgTimedOut =>
            "no broker acknowledged the record within message.timeout.ms; check bootstrap.servers, the network and that the cluster is up.",
        ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown or ErrorCode.Local_Resolve =>
            "no broker is reachable; check bootstrap.servers, DNS and firewalls.",
        ErrorCode.Local_Authentication or ErrorCode.SaslAuthenticationFailed =>
            "authentication failed; check sasl.username and sasl.password (the API key and secret) in librdkafka.config.",
        ErrorCode.TopicAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed or ErrorCode.TransactionalIdAuthorizationFailed =>
            "the principal may not write here; grant WRITE on the topic (and IDEMPOTENT_WRITE on the cluster for idempotent producers).",
        ErrorCode.Local_PurgeQueue or ErrorCode.Local_PurgeInflight =>
            "the producer was disposed before these records were delivered (FlushPolicy.Never, or the dispose flush timed out); flush before disposing.",
        ErrorCode.NotEnoughReplicas or ErrorCode.NotEnoughReplicasAfterAppend =>
            "fewer in-sync replicas than min.insync.replicas; wait for brokers to recover or lower the topic's min.insync.replicas.",
        _ => "see the Kafka error code reference; transient errors are retried by librdkafka until message.timeout.ms.",
    };
}
