using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// DeleteRecords (21): moves a partition's log start offset forward to the given offset (-1: the high
/// watermark) and answers the new low watermark; it never moves back, and an offset past the high watermark is
/// OFFSET_OUT_OF_RANGE.
/// </summary>
internal sealed class DeleteRecordsHandler : ApiHandler<DeleteRecordsRequest, DeleteRecordsResponse>
{
    protected override DeleteRecordsResponse Handle(RequestContext context, DeleteRecordsRequest request)
    {
        var response = new DeleteRecordsResponse();
        foreach (var topic in request.Topics)
        {
            var results = new DeleteRecordsResponse.TrimTopicResult { Name = topic.Name };
            response.Topics.Add(results);
            foreach (var asked in topic.Partitions)
            {
                var result = new DeleteRecordsResponse.TrimPartitionResult { PartitionIndex = asked.PartitionIndex, LowWatermark = -1 };
                results.Partitions.Add(result);
                Log.PartitionLog? log = null;
                var injected = context.InjectedError(topic.Name, asked.PartitionIndex);
                var error = injected != ErrorCode.None ? injected : LeaderLookup.Find(context, topic.Name, asked.PartitionIndex, -1, out _, out log);
                if (error == ErrorCode.None && log is not null)
                {
                    var lowWatermark = log.DeleteRecordsBefore(asked.Offset);
                    error = lowWatermark is null ? ErrorCode.OffsetOutOfRange : ErrorCode.None;
                    result.LowWatermark = lowWatermark ?? -1;
                }

                result.ErrorCode = (short)error;
            }
        }

        return response;
    }
}
