using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// OffsetForLeaderEpoch (23): the end offset of a leader epoch, which consumers use to check their position
/// after a leader change (KIP-320). Leaders never change here, so epoch 0 ends at the high watermark and a later
/// epoch is unknown (-1, -1).
/// </summary>
internal sealed class OffsetForLeaderEpochHandler : ApiHandler<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse>
{
    protected override OffsetForLeaderEpochResponse Handle(RequestContext context, OffsetForLeaderEpochRequest request)
    {
        var response = new OffsetForLeaderEpochResponse();
        foreach (var topic in request.Topics)
        {
            var answers = new OffsetForLeaderEpochResponse.EpochAnswerTopic { Topic = topic.Topic };
            response.Topics.Add(answers);
            foreach (var asked in topic.Partitions)
            {
                var answer = new OffsetForLeaderEpochResponse.EpochEndOffset { Partition = asked.Partition };
                answers.Partitions.Add(answer);
                Log.PartitionLog? log = null;
                var injected = context.InjectedError(topic.Topic, asked.Partition);
                var error = injected != ErrorCode.None ? injected : LeaderLookup.Find(context, topic.Topic, asked.Partition, asked.CurrentLeaderEpoch, out _, out log);
                answer.ErrorCode = (short)error;
                if (error == ErrorCode.None && log is not null && asked.LeaderEpoch <= log.LeaderEpoch)
                {
                    answer.LeaderEpoch = log.LeaderEpoch;
                    answer.EndOffset = log.HighWatermark;
                }
            }
        }

        return response;
    }
}
