using Breadcrumb.Kafka.Broker.Log;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// ListOffsets (2): the earliest offset (-2, and -4 "earliest local"), the latest (-1: the high watermark, or the
/// last stable offset for read_committed), the record with the largest timestamp (-3), or the first record at or
/// after a timestamp, found from each batch's max timestamp.
/// </summary>
internal sealed class ListOffsetsHandler : ApiHandler<ListOffsetsRequest, ListOffsetsResponse>
{
    private const long Latest = -1;
    private const long Earliest = -2;
    private const long MaxTimestamp = -3;
    private const long EarliestLocal = -4;
    private const long LatestTiered = -5;

    protected override ListOffsetsResponse Handle(RequestContext context, ListOffsetsRequest request)
    {
        var readCommitted = request.IsolationLevel == 1;
        var response = new ListOffsetsResponse();
        foreach (var topic in request.Topics)
        {
            var answers = new ListOffsetsResponse.OffsetAnswerTopic { Name = topic.Name };
            response.Topics.Add(answers);
            foreach (var asked in topic.Partitions)
            {
                var answer = new ListOffsetsResponse.OffsetAnswerPartition { PartitionIndex = asked.PartitionIndex };
                answers.Partitions.Add(answer);
                var injected = context.InjectedError(topic.Name, asked.PartitionIndex);
                var error = injected != ErrorCode.None ? injected : LeaderLookup.Find(context, topic.Name, asked.PartitionIndex, asked.CurrentLeaderEpoch, out _, out var log);
                if (error != ErrorCode.None)
                {
                    answer.ErrorCode = (short)error;
                    continue;
                }

                var found = context.Cluster.Topics.Find(topic.Name)!.Partition(asked.PartitionIndex)!;
                (answer.Offset, answer.Timestamp) = Lookup(found, asked.Timestamp, readCommitted);
                answer.LeaderEpoch = found.LeaderEpoch;
            }
        }

        return response;
    }

    private static (long Offset, long Timestamp) Lookup(PartitionLog log, long timestamp, bool readCommitted)
    {
        var visibleEnd = readCommitted ? log.LastStableOffset : log.HighWatermark;
        var (offset, time) = timestamp switch
        {
            Latest => (visibleEnd, -1L),
            Earliest or EarliestLocal => (log.LogStartOffset, -1L),
            MaxTimestamp => log.OffsetOfMaxTimestamp(),
            LatestTiered => (-1L, -1L),
            < 0 => (-1L, -1L),
            _ => log.OffsetForTimestamp(timestamp),
        };

        // A record above the last stable offset is not there yet for a read_committed reader.
        return timestamp >= 0 || timestamp == MaxTimestamp ? (offset >= visibleEnd ? (-1, -1) : (offset, time)) : (offset, time);
    }
}
