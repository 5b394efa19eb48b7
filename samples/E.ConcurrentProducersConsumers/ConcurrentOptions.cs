namespace Breadcrumb.Kafka.Samples.Concurrent;

/// <summary>Section E's knobs.</summary>
public sealed record ConcurrentOptions
{
    /// <summary>Gets the number of producers (the lab: 2 or 3).</summary>
    public int Producers { get; init; } = 3;

    /// <summary>Gets the number of consumers in the group (the lab: 2).</summary>
    public int Consumers { get; init; } = 2;

    /// <summary>Gets the records each producer sends.</summary>
    public int RecordsPerProducer { get; init; } = 100;

    /// <summary>Gets the pause after each send (the lab: 250 ms).</summary>
    public TimeSpan Pacing { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the longest wait for the consumers to read what the producers delivered.</summary>
    public TimeSpan ConsumeDeadline { get; init; } = TimeSpan.FromSeconds(60);
}
