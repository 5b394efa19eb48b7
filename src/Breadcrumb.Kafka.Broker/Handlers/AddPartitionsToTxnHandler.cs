using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>AddPartitionsToTxn (24): adds partitions to a producer's open transaction; v4+ carries several transactions (the broker-to-broker form, with verify_only).</summary>
internal sealed class AddPartitionsToTxnHandler : ApiHandler<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse>
{
    protected override AddPartitionsToTxnResponse Handle(RequestContext context, AddPartitionsToTxnRequest request)
    {
        if (context.Version < 4)
        {
            return new AddPartitionsToTxnResponse
            {
                ResultsByTopicV3AndBelow = Add(context, request.V3AndBelowTransactionalId, request.V3AndBelowProducerId, request.V3AndBelowProducerEpoch, request.V3AndBelowTopics, verifyOnly: false),
            };
        }

        return new AddPartitionsToTxnResponse
        {
            ResultsByTransaction = [.. request.Transactions.Select(t => new AddPartitionsToTxnResponse.TxnResult
            {
                TransactionalId = t.TransactionalId,
                TopicResults = Add(context, t.TransactionalId, t.ProducerId, t.ProducerEpoch, t.Topics, t.VerifyOnly),
            })],
        };
    }

    private static List<AddPartitionsToTxnResponse.TxnTopicResult> Add(
        RequestContext context, string transactionalId, long producerId, short epoch, List<AddPartitionsToTxnRequest.TxnTopic> topics, bool verifyOnly)
    {
        var asked = topics.SelectMany(t => t.Partitions.Select(p => (t.Name, p))).ToList();
        var transactions = context.Cluster.Transactions;
        var injected = asked.Select(p => context.InjectedError(p.Name, p.p)).FirstOrDefault(e => e != ErrorCode.None);
        var results = transactions.Check(context, transactionalId) is { } notHere
            ? asked.Distinct().ToDictionary(p => p, _ => notHere)
            : injected != ErrorCode.None
            ? asked.Distinct().ToDictionary(p => p, p => context.InjectedError(p.Name, p.p) is var e && e != ErrorCode.None ? e : ErrorCode.OperationNotAttempted)
            : transactions.AddPartitions(transactionalId, producerId, epoch, asked, context.Version, verifyOnly);
        return [.. topics.Select(t => new AddPartitionsToTxnResponse.TxnTopicResult
        {
            Name = t.Name,
            ResultsByPartition = [.. t.Partitions.Select(p => new AddPartitionsToTxnResponse.TxnPartitionResult { PartitionIndex = p, PartitionErrorCode = (short)results[(t.Name, p)] })],
        })];
    }
}
