namespace Breadcrumb.Kafka.Lab;

/// <summary>Defaults of <see cref="KeyFilteredConsumerOptions"/> and limits checked by its validation.</summary>
internal static class KeyFilteredConsumerDefaults
{
    public const string Name = "consumer0";

    /// <summary>Long enough to cover a group join and a broker's held fetches (fetch.wait.max.ms, 500 ms by default), short enough to never look hung.</summary>
    public static readonly TimeSpan LabIdleTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MinIdleTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one blocking Consume call may wait before the loop re-checks its stop conditions.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one Consume call waits while partitions are paused for a slow reader.</summary>
    public static readonly TimeSpan FlowPausedPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Records a <see cref="KeyFilteredConsumer.ReadAllAsync"/> reader may fall behind before the loop pauses its partitions.</summary>
    public const int ReadAheadRecords = 1024;
}
