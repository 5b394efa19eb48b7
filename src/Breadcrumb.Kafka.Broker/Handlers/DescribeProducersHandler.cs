using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>DescribeProducers (61): the idempotent and transactional producers a partition knows, with their epoch, last sequence and open transaction.</summary>
internal sealed class DescribeProducersHandler : ApiHandler<DescribeProducersRequest, DescribeProducersResponse>
{
    protected override DescribeProducersResponse Handle(RequestContext context, DescribeProducersRequest request) => new()
    {
        Topics = [.. request.Topics.Select(t => new DescribeProducersResponse.ProducerTopic
        {
            Name = t.Name,
            Partitions = [.. t.PartitionIndexes.Select(p =>
            {
                var answer = new DescribeProducersResponse.ProducerPartition { PartitionIndex = p };
                var error = LeaderLookup.Find(context, t.Name, p, -1, out _, out var log);
                answer.ErrorCode = (short)error;
                if (error == ErrorCode.None && log is not null)
                {
                    answer.ActiveProducers = [.. log.Producers().Select(x => new DescribeProducersResponse.ActiveProducer
                    {
                        ProducerId = x.Producer.ProducerId,
                        ProducerEpoch = x.Producer.Epoch,
                        LastSequence = x.Producer.LastSequence,
                        LastTimestamp = x.Producer.LastTimestamp,
                        CurrentTxnStartOffset = x.OpenTransactionStart,
                    })];
                }

                return answer;
            })],
        })],
    };
}
