using Breadcrumb.Kafka.Broker.Faults;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Protocol.Messages;

/// <summary>A request that names partitions: injected faults can target some of them and leave the rest alone.</summary>
internal interface IPartitionedRequest
{
    IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics);
}

internal sealed partial class ProduceRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        TopicData.SelectMany(t => t.PartitionData.Select(p => (t.Name, p.Index)));
}

internal sealed partial class FetchRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.TopicId != Guid.Empty ? topics.Find(t.TopicId)?.Name ?? "" : t.Topic, p.Partition)));
}

internal sealed partial class ListOffsetsRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p.PartitionIndex)));
}

internal sealed partial class OffsetCommitRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p.PartitionIndex)));
}

internal sealed partial class TxnOffsetCommitRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p.PartitionIndex)));
}

internal sealed partial class DeleteRecordsRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p.PartitionIndex)));
}

internal sealed partial class OffsetForLeaderEpochRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        Topics.SelectMany(t => t.Partitions.Select(p => (t.Topic, p.Partition)));
}

internal sealed partial class AddPartitionsToTxnRequest : IPartitionedRequest
{
    public IEnumerable<(string Topic, int Partition)> PartitionsIn(TopicRegistry topics) =>
        V3AndBelowTopics.Concat(Transactions.SelectMany(t => t.Topics)).SelectMany(t => t.Partitions.Select(p => (t.Name, p)));
}
