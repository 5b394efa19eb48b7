using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// TxnOffsetCommit (28): offsets a transaction commits for a group, held until it ends (visible on commit, gone on
/// abort). From v3 the consumer's generation and member id are checked as OffsetCommit checks them (KIP-447).
/// </summary>
internal sealed class TxnOffsetCommitHandler : ApiHandler<TxnOffsetCommitRequest, TxnOffsetCommitResponse>
{
    protected override TxnOffsetCommitResponse Handle(RequestContext context, TxnOffsetCommitRequest request)
    {
        var cluster = context.Cluster;
        var error = cluster.Groups.Check(context, request.GroupId);
        if (error == ErrorCode.None)
        {
            error = cluster.Transactions.CheckOffsetCommit(request.TransactionalId, request.ProducerId, request.ProducerEpoch);
        }

        var group = error == ErrorCode.None ? (GroupBase?)cluster.Groups.Find(request.GroupId) ?? cluster.Groups.ClassicGroup(request.GroupId) : null;
        var response = new TxnOffsetCommitResponse();
        if (group is null)
        {
            return Answer(response, request, _ => error == ErrorCode.None ? ErrorCode.CoordinatorNotAvailable : error);
        }

        lock (group.Sync)
        {
            if (request.GenerationId >= 0)
            {
                error = group switch
                {
                    ClassicGroup classic => OffsetCommitHandler.CheckClassic(classic, request.MemberId, request.GroupInstanceId, request.GenerationId),
                    ConsumerGroup consumer => consumer.CheckCommit(request.MemberId, request.GenerationId),
                    _ => ErrorCode.None,
                };
            }

            var now = cluster.NowMs;
            return Answer(response, request, p =>
            {
                if (error != ErrorCode.None)
                {
                    return error;
                }

                if (context.InjectedError(p.Topic, p.Partition.PartitionIndex) is var injected && injected != ErrorCode.None)
                {
                    return injected;
                }

                if (cluster.Topics.Find(p.Topic)?.Partition(p.Partition.PartitionIndex) is null)
                {
                    return ErrorCode.UnknownTopicOrPartition;
                }

                group.Offsets.CommitPending(request.ProducerId, p.Topic, p.Partition.PartitionIndex,
                    new CommittedOffset(p.Partition.CommittedOffset, p.Partition.CommittedLeaderEpoch, p.Partition.CommittedMetadata, now));
                return ErrorCode.None;
            });
        }
    }

    private static TxnOffsetCommitResponse Answer(TxnOffsetCommitResponse response, TxnOffsetCommitRequest request, Func<(string Topic, TxnOffsetCommitRequest.TxnCommitPartition Partition), ErrorCode> commit)
    {
        foreach (var topic in request.Topics)
        {
            response.Topics.Add(new TxnOffsetCommitResponse.TxnCommitTopicResult
            {
                Name = topic.Name,
                Partitions = [.. topic.Partitions.Select(p => new TxnOffsetCommitResponse.TxnCommitPartitionResult { PartitionIndex = p.PartitionIndex, ErrorCode = (short)commit((topic.Name, p)) })],
            });
        }

        return response;
    }
}
