namespace Breadcrumb.Kafka.Lab.Transactions.Decisions;

/// <summary>Gives the same answer for every batch.</summary>
internal sealed class FixedDecision(bool commit) : ITransactionDecision
{
    public bool ShouldCommit(TransactionDecisionContext context) => commit;

    public override string ToString() => commit ? "always commit" : "always abort";
}
