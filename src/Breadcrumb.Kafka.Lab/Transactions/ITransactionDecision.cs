namespace Breadcrumb.Kafka.Lab;

/// <summary>Decides whether an open transactional batch is committed or aborted (the lab's coin flip).</summary>
/// <remarks>
/// Called once per batch, after the records were written and the wait elapsed, from the batch's own task.
/// A decision that throws fails the batch: its transaction is aborted and the run goes on.
/// Ready-made decisions are on <see cref="TransactionDecision"/>.
/// </remarks>
public interface ITransactionDecision
{
    /// <summary>Decides the fate of one batch.</summary>
    /// <param name="context">The batch number and its records.</param>
    /// <returns><see langword="true"/> to commit, <see langword="false"/> to abort.</returns>
    bool ShouldCommit(TransactionDecisionContext context);
}
