using System.Text.Json.Serialization;

namespace Breadcrumb.Kafka.Lab.Diagnostics.Statistics;

/// <summary>The part of librdkafka's statistics JSON (STATISTICS.md) that the library reads.</summary>
internal sealed class RawStatistics
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("client_id")] public string? ClientId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("ts")] public long Ts { get; set; }
    [JsonPropertyName("time")] public long Time { get; set; }
    [JsonPropertyName("msg_cnt")] public long MsgCnt { get; set; }
    [JsonPropertyName("msg_size")] public long MsgSize { get; set; }
    [JsonPropertyName("txmsgs")] public long TxMsgs { get; set; }
    [JsonPropertyName("txmsg_bytes")] public long TxMsgBytes { get; set; }
    [JsonPropertyName("rxmsgs")] public long RxMsgs { get; set; }
    [JsonPropertyName("rxmsg_bytes")] public long RxMsgBytes { get; set; }
    [JsonPropertyName("topics")] public Dictionary<string, RawTopic>? Topics { get; set; }
    [JsonPropertyName("cgrp")] public RawGroup? Cgrp { get; set; }
}

/// <summary>One topic in the statistics.</summary>
internal sealed class RawTopic
{
    [JsonPropertyName("topic")] public string? Topic { get; set; }
    [JsonPropertyName("partitions")] public Dictionary<string, RawPartition>? Partitions { get; set; }
}

/// <summary>The consumer group part of a consumer's statistics.</summary>
internal sealed class RawGroup
{
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("join_state")] public string? JoinState { get; set; }
    [JsonPropertyName("rebalance_cnt")] public long RebalanceCnt { get; set; }
    [JsonPropertyName("assignment_size")] public long AssignmentSize { get; set; }
}

/// <summary>One partition in the statistics (<c>-1</c> is librdkafka's internal unassigned partition).</summary>
internal sealed class RawPartition
{
    [JsonPropertyName("partition")] public int Partition { get; set; }
    [JsonPropertyName("leader")] public int Leader { get; set; }
    [JsonPropertyName("msgq_cnt")] public long MsgqCnt { get; set; }
    [JsonPropertyName("msgq_bytes")] public long MsgqBytes { get; set; }
    [JsonPropertyName("xmit_msgq_cnt")] public long XmitMsgqCnt { get; set; }
    [JsonPropertyName("xmit_msgq_bytes")] public long XmitMsgqBytes { get; set; }
    [JsonPropertyName("msgs_inflight")] public long MsgsInflight { get; set; }
    [JsonPropertyName("txmsgs")] public long TxMsgs { get; set; }
    [JsonPropertyName("txbytes")] public long TxBytes { get; set; }
    [JsonPropertyName("rxmsgs")] public long RxMsgs { get; set; }
    [JsonPropertyName("rxbytes")] public long RxBytes { get; set; }
    [JsonPropertyName("lo_offset")] public long LoOffset { get; set; } = -1;
    [JsonPropertyName("hi_offset")] public long HiOffset { get; set; } = -1;
    [JsonPropertyName("ls_offset")] public long LsOffset { get; set; } = -1;
    [JsonPropertyName("next_offset")] public long NextOffset { get; set; } = -1;
    [JsonPropertyName("committed_offset")] public long CommittedOffset { get; set; } = -1;
    [JsonPropertyName("consumer_lag")] public long ConsumerLag { get; set; } = -1;
    [JsonPropertyName("fetch_state")] public string? FetchState { get; set; }
}

/// <summary>The source-generated serializer context for librdkafka statistics (no reflection).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawStatistics))]
internal sealed partial class KafkaStatisticsJsonContext : JsonSerializerContext;
