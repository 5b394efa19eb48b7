using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Faults;

/// <summary>What a fault does to a request it matches.</summary>
internal enum FaultKind
{
    /// <summary>Answer with an error code instead of doing the request (for a partition, or the whole request).</summary>
    Error,

    /// <summary>Do the request, send no answer and close the connection: the response is lost on the way.</summary>
    LoseResponse,
}

/// <summary>One injected fault: which API, optionally which topic and partition, what happens, and for how many more requests.</summary>
internal sealed class FaultRule(KafkaApiKey api, FaultKind kind, ErrorCode error, int count, string? topic, int? partition, int? nodeId)
{
    public KafkaApiKey Api { get; } = api;

    public FaultKind Kind { get; } = kind;

    public ErrorCode Error { get; } = error;

    public string? Topic { get; } = topic;

    public int? Partition { get; } = partition;

    public int? NodeId { get; } = nodeId;

    public int Remaining { get; set; } = count;

    public bool IsForPartitions => Topic is not null;

    public bool Matches(string topic, int partition) => Topic == topic && (Partition is null || Partition == partition);
}
