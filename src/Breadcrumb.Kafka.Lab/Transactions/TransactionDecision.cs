using Breadcrumb.Kafka.Lab.Transactions.Decisions;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Provides ready-made <see cref="ITransactionDecision"/>s.</summary>
public static class TransactionDecision
{
    /// <summary>Gets a decision that commits every batch.</summary>
    public static ITransactionDecision AlwaysCommit { get; } = new FixedDecision(commit: true);

    /// <summary>Gets a decision that aborts every batch.</summary>
    public static ITransactionDecision AlwaysAbort { get; } = new FixedDecision(commit: false);

    /// <summary>Creates the lab's fair, seeded coin flip.</summary>
    /// <param name="seed">The seed; the same seed gives the same outcomes.</param>
    /// <returns>A new <see cref="CoinFlipDecision"/>.</returns>
    public static ITransactionDecision CoinFlip(int seed) => new CoinFlipDecision(seed);

    /// <summary>Wraps a delegate as a decision.</summary>
    /// <param name="shouldCommit">Returns <see langword="true"/> to commit the batch.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shouldCommit"/> is <see langword="null"/>.</exception>
    public static ITransactionDecision From(Func<TransactionDecisionContext, bool> shouldCommit)
    {
        ArgumentNullException.ThrowIfNull(shouldCommit);
        return new DelegateDecision(shouldCommit);
    }
}
