namespace Breadcrumb.Kafka.Lab.Transactions.Decisions;

/// <summary>Adapts a delegate to <see cref="ITransactionDecision"/>.</summary>
internal sealed class DelegateDecision(Func<TransactionDecisionContext, bool> shouldCommit) : ITransactionDecision
{
    public bool ShouldCommit(TransactionDecisionContext context) => shouldCommit(context);

    public override string ToString() => "custom decision";
}
