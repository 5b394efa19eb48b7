namespace Breadcrumb.Kafka.Lab;

/// <summary>Describes the batch a <see cref="ITransactionDecision"/> decides on.</summary>
/// <param name="BatchNumber">The batch number, from 1, counted per producer.</param>
/// <param name="Records">The records already written in the open transaction, with their positions.</param>
public sealed record TransactionDecisionContext(int BatchNumber, IReadOnlyList<TransactionRecord> Records);
