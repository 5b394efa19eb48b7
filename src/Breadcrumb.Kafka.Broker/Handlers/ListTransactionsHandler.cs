using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Transactions;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>ListTransactions (66): the transactional ids this broker coordinates, by state, producer id and (v1) how long they have run.</summary>
internal sealed class ListTransactionsHandler : ApiHandler<ListTransactionsRequest, ListTransactionsResponse>
{
    protected override ListTransactionsResponse Handle(RequestContext context, ListTransactionsRequest request)
    {
        var transactions = context.Cluster.Transactions;
        var known = Enum.GetNames<TransactionStatus>();
        var now = context.Cluster.NowMs;
        return new ListTransactionsResponse
        {
            UnknownStateFilters = [.. request.StateFilters.Where(s => !known.Contains(s, StringComparer.Ordinal))],
            TransactionStates = [.. transactions.All()
                .Where(t => transactions.CoordinatorFor(t.TransactionalId) == context.Broker)
                .Where(t => request.StateFilters.Count == 0 || request.StateFilters.Contains(t.Status.ToString()))
                .Where(t => request.ProducerIdFilters.Count == 0 || request.ProducerIdFilters.Contains(t.ProducerId))
                .Where(t => request.DurationFilter < 0 || (t.StartTimeMs >= 0 && now - t.StartTimeMs > request.DurationFilter))
                .Select(t => new ListTransactionsResponse.TxnListing { TransactionalId = t.TransactionalId, ProducerId = t.ProducerId, TransactionState = t.Status.ToString() })],
        };
    }
}
