using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>DescribeTransactions (65): state, producer id and epoch, timeout, start time and partitions of transactional ids.</summary>
internal sealed class DescribeTransactionsHandler : ApiHandler<DescribeTransactionsRequest, DescribeTransactionsResponse>
{
    protected override DescribeTransactionsResponse Handle(RequestContext context, DescribeTransactionsRequest request)
    {
        var transactions = context.Cluster.Transactions;
        return new DescribeTransactionsResponse
        {
            TransactionStates = [.. request.TransactionalIds.Select(id =>
            {
                var description = new DescribeTransactionsResponse.TxnDescription { TransactionalId = id, TransactionState = "", ProducerId = -1, ProducerEpoch = -1 };
                if (transactions.Check(context, id) is { } notHere)
                {
                    description.ErrorCode = (short)notHere;
                }
                else if (transactions.Describe(id) is not { } found)
                {
                    description.ErrorCode = (short)ErrorCode.TransactionalIdNotFound;
                }
                else
                {
                    description.TransactionState = found.Status.ToString();
                    description.TransactionTimeoutMs = found.TimeoutMs;
                    description.TransactionStartTimeMs = found.StartTimeMs;
                    description.ProducerId = found.ProducerId;
                    description.ProducerEpoch = found.ProducerEpoch;
                    description.Topics = [.. found.Partitions.GroupBy(p => p.Topic).Select(g => new DescribeTransactionsResponse.TxnTopicPartitions { Topic = g.Key, Partitions = [.. g.Select(p => p.Partition).Order()] })];
                }

                return description;
            })],
        };
    }
}
