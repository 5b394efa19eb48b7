namespace Breadcrumb.Kafka.Broker.Groups;

/// <summary>The states of a classic group, named as Kafka names them.</summary>
internal enum ClassicGroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
