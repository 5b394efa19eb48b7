using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples.Transactions;

/// <summary>Section I's knobs.</summary>
public sealed record TransactionsOptions
{
    /// <summary>Gets the second topic of step 9.</summary>
    public string? SecondTopic { get; init; }

    /// <summary>Gets how many 4-record transactions each part runs.</summary>
    public int Batches { get; init; } = 10;

    /// <summary>Gets the wait between sending a batch and flipping the coin (the lab's 2 s).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the consumer's isolation level: the lab asks for read_committed; read_uncommitted shows what it hides.</summary>
    public IsolationLevel IsolationLevel { get; init; } = IsolationLevel.ReadCommitted;
}
