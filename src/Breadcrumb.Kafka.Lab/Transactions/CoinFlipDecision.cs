namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Commits or aborts with equal probability, like the lab's <c>random.choice([True, False])</c>;
/// seeded, so a run can be repeated exactly.
/// </summary>
/// <remarks>Thread-safe. Two instances with the same seed give the same sequence of outcomes.</remarks>
internal sealed class CoinFlipDecision : ITransactionDecision
{
    private readonly object gate = new();
    private readonly Random random;

    /// <summary>Initializes a new instance of the <see cref="CoinFlipDecision"/> class with a seed.</summary>
    /// <param name="seed">The seed; the same seed gives the same outcomes in the same order.</param>
    public CoinFlipDecision(int seed)
    {
        Seed = seed;
        random = new Random(seed);
    }

    /// <summary>Gets the seed this coin was made with.</summary>
    public int Seed { get; }

    /// <summary>Flips the coin: heads commits, tails aborts.</summary>
    /// <param name="context">The batch; not used by a fair coin.</param>
    /// <returns><see langword="true"/> to commit (probability ½).</returns>
    public bool ShouldCommit(TransactionDecisionContext context)
    {
        lock (gate)
        {
#pragma warning disable CA5394 // A seeded, repeatable coin is the point; nothing here is security-relevant.
            return random.Next(2) == 1;
#pragma warning restore CA5394
        }
    }

    /// <summary>Returns a description with the seed.</summary>
    /// <returns>For example <c>coin flip (seed 42)</c>.</returns>
    public override string ToString() => $"coin flip (seed {Seed})";
}
