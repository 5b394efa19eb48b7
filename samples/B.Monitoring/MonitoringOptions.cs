using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>Section B's knobs.</summary>
public sealed record MonitoringOptions
{
    /// <summary>Gets how long to watch without load (null: until Ctrl+C); with load, the longest the demo producer may run.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets the time between readings.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the group to watch; null watches the demo load's consumer group.</summary>
    public string? Group { get; init; }

    /// <summary>Gets a value indicating whether the monitor runs its own paced producer and consumer so the numbers move.</summary>
    public bool WithLoad { get; init; } = true;

    /// <summary>Gets the records the demo producer sends; null sends <c>--records</c>.</summary>
    public int? LoadRecords { get; init; }

    /// <summary>
    /// Gets the demo producer's least pause after each send. The section lengthens it so that the production spans four
    /// reading intervals (each reading opens its own clients and can take seconds), as long as it ends within <see cref="Duration"/>.
    /// </summary>
    public TimeSpan LoadPacing { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Gets a value indicating whether the demo consumer runs (without it the lag cannot come back to 0).</summary>
    public bool ConsumeLoad { get; init; } = true;

    /// <summary>Gets how often the demo consumer commits, so "out" and lag follow it closely.</summary>
    public TimeSpan LoadCommitInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets how soon after the demo producer stops the group's lag must be back to 0.</summary>
    public TimeSpan LagBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets a callback for each reading (a live view); when set, readings are not also printed as lines.</summary>
    public Action<MonitorTick, TopicStats>? OnTick { get; init; }
}
