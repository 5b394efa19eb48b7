using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab.Consuming.Internal;

/// <summary>The group gate as one member sees it; touched only on the member's consume thread.</summary>
internal sealed class GateState(GroupStartGate? gate)
{
    public GroupStartGate? Gate { get; } = gate;

    public bool Open { get; set; } = gate is null;

    public List<TopicPartition> PendingAssigned { get; } = [];

    public HashSet<TopicPartition> Paused { get; } = [];

    public HashSet<TopicPartition> Rewound { get; } = [];
}
