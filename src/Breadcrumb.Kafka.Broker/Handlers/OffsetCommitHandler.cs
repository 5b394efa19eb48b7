using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// OffsetCommit (8): stores a group's offsets. Without a generation (-1) only an empty group takes commits (a
/// consumer that assigns itself); otherwise the member and its generation (classic) or epoch (consumer
/// protocol) must be current, as Kafka checks.
/// </summary>
internal sealed class OffsetCommitHandler : ApiHandler<OffsetCommitRequest, OffsetCommitResponse>
{
    protected override OffsetCommitResponse Handle(RequestContext context, OffsetCommitRequest request)
    {
        var groups = context.Cluster.Groups;
        var error = groups.Check(context, request.GroupId);
        var group = error == ErrorCode.None ? (GroupBase?)groups.Find(request.GroupId) : null;
        if (error == ErrorCode.None && group is null)
        {
            group = request.GenerationIdOrMemberEpoch < 0 ? groups.ClassicGroup(request.GroupId) : null;
            error = group is null ? ErrorCode.UnknownMemberId : ErrorCode.None;
        }

        var response = new OffsetCommitResponse();
        if (error != ErrorCode.None)
        {
            return Answer(response, request, _ => error);
        }

        lock (group!.Sync)
        {
            error = CheckMember(group, request);
            var now = context.Cluster.NowMs;
            var maxMetadata = groups.Options.MaxOffsetMetadataBytes;
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

                if (context.Cluster.Topics.Find(p.Topic)?.Partition(p.Partition.PartitionIndex) is null)
                {
                    return ErrorCode.UnknownTopicOrPartition;
                }

                if (p.Partition.CommittedMetadata is { Length: var length } && length > maxMetadata)
                {
                    return ErrorCode.OffsetMetadataTooLarge;
                }

                group.Offsets.Commit(p.Topic, p.Partition.PartitionIndex, new CommittedOffset(
                    p.Partition.CommittedOffset, p.Partition.CommittedLeaderEpoch, p.Partition.CommittedMetadata, now));
                return ErrorCode.None;
            });
        }
    }

    /// <summary>Applies Kafka's member checks to a commit, under the group's lock.</summary>
    internal static ErrorCode CheckMember(GroupBase group, OffsetCommitRequest request) => group switch
    {
        ClassicGroup classic => CheckClassic(classic, request.MemberId, request.GroupInstanceId, request.GenerationIdOrMemberEpoch),
        ConsumerGroup consumer when request.GenerationIdOrMemberEpoch < 0 && consumer.IsEmpty => ErrorCode.None,
        ConsumerGroup consumer => consumer.CheckCommit(request.MemberId, request.GenerationIdOrMemberEpoch),
        _ => ErrorCode.UnknownMemberId,
    };

    internal static ErrorCode CheckClassic(ClassicGroup group, string memberId, string? instanceId, int generationId)
    {
        if (group.State == ClassicGroupState.Dead)
        {
            return ErrorCode.CoordinatorNotAvailable;
        }

        if (generationId < 0 && group.State == ClassicGroupState.Empty)
        {
            return ErrorCode.None;
        }

        if (group.State == ClassicGroupState.CompletingRebalance)
        {
            return ErrorCode.RebalanceInProgress;
        }

        if (instanceId is not null && group.Members.FirstOrDefault(m => m.GroupInstanceId == instanceId) is { } byInstance && byInstance.MemberId != memberId)
        {
            return ErrorCode.FencedInstanceId;
        }

        if (group.Find(memberId) is null)
        {
            return ErrorCode.UnknownMemberId;
        }

        return generationId != group.GenerationId ? ErrorCode.IllegalGeneration : ErrorCode.None;
    }

    private static OffsetCommitResponse Answer(OffsetCommitResponse response, OffsetCommitRequest request, Func<(string Topic, OffsetCommitRequest.CommitPartition Partition), ErrorCode> commit)
    {
        foreach (var topic in request.Topics)
        {
            var results = new OffsetCommitResponse.CommitTopicResult { Name = topic.Name };
            response.Topics.Add(results);
            foreach (var partition in topic.Partitions)
            {
                results.Partitions.Add(new OffsetCommitResponse.CommitPartitionResult
                {
                    PartitionIndex = partition.PartitionIndex, ErrorCode = (short)commit((topic.Name, partition)),
                });
            }
        }

        return response;
    }
}
