namespace Breadcrumb.Kafka.Samples.Flush;

/// <summary>Section G's knobs.</summary>
public sealed record FlushOptions
{
    /// <summary>Gets the records of each run.</summary>
    public int Count { get; init; } = 45;

    /// <summary>Gets the pause after every 5th record in the third run (the lab: 2 s).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the concurrent consumer's <c>fetch.wait.max.ms</c>: how long the broker may hold an empty fetch.</summary>
    /// <value>10 ms, so a receive time lags the record's arrival at the broker by at most that (Kafka's default, 500 ms, would dominate).</value>
    public int FetchWaitMaxMs { get; init; } = 10;

    /// <summary>Gets how long the producer may take to hand over its last delivery reports before it is disposed.</summary>
    public TimeSpan DeliveryReportTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets the folder for the timeline CSV and the chart.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "flush");
}
