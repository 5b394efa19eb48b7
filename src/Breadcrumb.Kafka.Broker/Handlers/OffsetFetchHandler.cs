using Breadcrumb.Kafka.Broker.Groups;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// OffsetFetch (9): a group's committed offsets (-1 where none), all of them when no topics are named; with
/// require_stable, a partition with an offset waiting in an open transaction answers UNSTABLE_OFFSET_COMMIT.
/// v8+ asks for several groups at once.
/// </summary>
internal sealed class OffsetFetchHandler : ApiHandler<OffsetFetchRequest, OffsetFetchResponse>
{
    protected override OffsetFetchResponse Handle(RequestContext context, OffsetFetchRequest request)
    {
        if (context.Version >= 8)
        {
            return new OffsetFetchResponse
            {
                Groups = [.. request.Groups.Select(g =>
                {
                    var (error, rows) = Fetch(context, g.GroupId, g.Topics?.Select(t => (t.Name, t.PartitionIndexes)), request.RequireStable, g.MemberId, g.MemberEpoch);
                    return new OffsetFetchResponse.GroupOffsets
                    {
                        GroupId = g.GroupId,
                        ErrorCode = (short)error,
                        Topics = [.. rows.GroupBy(r => r.Topic).Select(t => new OffsetFetchResponse.GroupOffsetsTopic
                        {
                            Name = t.Key,
                            Partitions = [.. t.Select(r => new OffsetFetchResponse.GroupOffsetsPartition
                            {
                                PartitionIndex = r.Partition, CommittedOffset = r.Offset, CommittedLeaderEpoch = r.Epoch, Metadata = r.Metadata, ErrorCode = (short)r.Error,
                            })],
                        })],
                    };
                })],
            };
        }

        var (groupError, found) = Fetch(context, request.GroupId, request.Topics?.Select(t => (t.Name, t.PartitionIndexes)), request.RequireStable, null, -1);
        if (context.Version < 2 && groupError != ErrorCode.None)
        {
            // v1 has no group-level error: each partition carries it.
            found = [.. request.Topics!.SelectMany(t => t.PartitionIndexes.Select(p => (t.Name, p, -1L, -1, (string?)"", groupError)))];
        }

        return new OffsetFetchResponse
        {
            ErrorCode = (short)groupError,
            Topics = [.. found.GroupBy(r => r.Topic).Select(t => new OffsetFetchResponse.CommittedTopic
            {
                Name = t.Key,
                Partitions = [.. t.Select(r => new OffsetFetchResponse.CommittedPartition
                {
                    PartitionIndex = r.Partition, CommittedOffset = r.Offset, CommittedLeaderEpoch = r.Epoch, Metadata = r.Metadata, ErrorCode = (short)r.Error,
                })],
            })],
        };
    }

    private static (ErrorCode Error, List<(string Topic, int Partition, long Offset, int Epoch, string? Metadata, ErrorCode Error)> Rows) Fetch(
        RequestContext context, string groupId, IEnumerable<(string Name, List<int> Partitions)>? topics, bool requireStable, string? memberId, int memberEpoch)
    {
        var groups = context.Cluster.Groups;
        var error = groups.Check(context, groupId);
        if (error != ErrorCode.None)
        {
            return (error, []);
        }

        var group = groups.Find(groupId);
        if (group is null)
        {
            return (ErrorCode.None, topics is null ? [] : [.. topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p, -1L, -1, (string?)"", ErrorCode.None)))]);
        }

        lock (group.Sync)
        {
            if (memberId is not null && memberEpoch >= 0 && group is ConsumerGroup consumer && consumer.CheckCommit(memberId, memberEpoch) is var check && check != ErrorCode.None)
            {
                return (check, []);
            }

            var wanted = topics?.SelectMany(t => t.Partitions.Select(p => (t.Name, p))).ToList()
                ?? [.. group.Offsets.All().Select(o => (o.Topic, o.Partition))];
            return (ErrorCode.None, [.. wanted.Select(w =>
            {
                if (requireStable && group.Offsets.HasPending(w.Item1, w.Item2))
                {
                    return (w.Item1, w.Item2, -1L, -1, (string?)"", ErrorCode.UnstableOffsetCommit);
                }

                var committed = group.Offsets.Find(w.Item1, w.Item2);
                return committed is { } c ? (w.Item1, w.Item2, c.Offset, c.LeaderEpoch, c.Metadata ?? "", ErrorCode.None) : (w.Item1, w.Item2, -1L, -1, "", ErrorCode.None);
            })]);
        }
    }
}
