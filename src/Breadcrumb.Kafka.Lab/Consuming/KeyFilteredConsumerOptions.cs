using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Configures a <see cref="KeyFilteredConsumer"/>: what to read, what to keep, when to stop and what to commit.</summary>
/// <remarks>Validated when the consumer is created; a consumer takes a snapshot, so later changes do not affect it.</remarks>
public sealed class KeyFilteredConsumerOptions
{
    /// <summary>Gets or sets the topic to read (added to <see cref="Topics"/>).</summary>
    public string? Topic { get; set; }

    /// <summary>Gets more topics to read, on top of <see cref="Topic"/>.</summary>
    public IList<string> Topics { get; private set; } = [];

    /// <summary>Gets or sets the consumer group id. Required: commits are stored under it, so a rerun in the same group reads only what is new.</summary>
    public string? GroupId { get; set; }

    /// <summary>Gets or sets the partitions to assign explicitly (applied to every topic), instead of subscribing and letting the group assign.</summary>
    /// <value>The default is <see langword="null"/>: subscribe, so the group splits the partitions between its members.</value>
    public IReadOnlyList<int>? Partitions { get; set; }

    /// <summary>Gets or sets which records are kept and counted.</summary>
    /// <value>The default is <see cref="RecordFilter.Any"/>.</value>
    public IRecordFilter Filter { get; set; } = RecordFilter.Any;

    /// <summary>Gets or sets the number of kept records after which the consumer stops.</summary>
    /// <value>The default is <see langword="null"/>: no limit.</value>
    public long? MaxRecords { get; set; }

    /// <summary>Gets or sets how long the consumer waits with nothing new before it stops.</summary>
    /// <value>The default is <see cref="Timeout.InfiniteTimeSpan"/> (Kafka's way: a consumer reads until stopped); the lab's
    /// 10 seconds comes with <see cref="LabPreset"/>. At least 100 ms otherwise.</value>
    /// <remarks>Keep it above the broker's <c>fetch.wait.max.ms</c> (500 ms), which can hold a fetch that has data behind an empty partition.
    /// The clock starts with the run, so joining the group counts too: a real broker delays a new group's first
    /// rebalance by <c>group.initial.rebalance.delay.ms</c> (3 s by default), so keep it well above that there.</remarks>
    public TimeSpan IdleTimeout
    {
        get => idleTimeout ?? Timeout.InfiniteTimeSpan;
        set => idleTimeout = value;
    }

    /// <summary>Gets or sets a value indicating whether the consumer stops once every partition it holds has been read to its end.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool StopAtEndOfPartitions { get; set; }

    /// <summary>Gets or sets whether records of aborted and open transactions are hidden (<see cref="IsolationLevel.ReadCommitted"/>) or shown.</summary>
    /// <value>The default is <see cref="IsolationLevel.ReadCommitted"/>, librdkafka's default.</value>
    public IsolationLevel IsolationLevel { get; set; } = IsolationLevel.ReadCommitted;

    /// <summary>Gets or sets where a group with no committed offset starts.</summary>
    /// <value>The default is <see cref="AutoOffsetReset.Latest"/>, Kafka's: a new group reads only what arrives after it
    /// joins. <see cref="LabPreset"/> sets <see cref="AutoOffsetReset.Earliest"/>, as the lab expects (a new group reads the whole history).</value>
    public AutoOffsetReset AutoOffsetReset
    {
        get => autoOffsetReset ?? AutoOffsetReset.Latest;
        set => autoOffsetReset = value;
    }

    private TimeSpan? idleTimeout;

    private AutoOffsetReset? autoOffsetReset;

    /// <summary>Fills the lab's defaults into what the caller left unset (see <see cref="LabPreset"/>).</summary>
    internal void ApplyLabDefaults()
    {
        idleTimeout ??= KeyFilteredConsumerDefaults.LabIdleTimeout;
        autoOffsetReset ??= AutoOffsetReset.Earliest;
    }

    /// <summary>Gets or sets a value indicating whether offsets are committed (periodically and once more when the consumer stops).</summary>
    /// <value>The default is <see langword="true"/>: a rerun in the same group gets only new records. <see langword="false"/> peeks without moving the group.</value>
    public bool CommitOffsets { get; set; } = true;

    /// <summary>Gets or sets the consumer's name in reports (the lab's <c>consumer0</c>); also its <c>client.id</c>.</summary>
    /// <value>The default is <c>consumer0</c>.</value>
    public string Name { get; set; } = KeyFilteredConsumerDefaults.Name;

    /// <summary>Gets or sets the clock used for the idle timeout and elapsed times.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets a hook that adjusts the Confluent consumer configuration last, e.g. <c>FetchWaitMaxMs</c>.</summary>
    public Action<ConsumerConfig>? ConfigureConsumer { get; set; }

    /// <summary>Gets or sets where librdkafka's statistics go, parsed, every <c>statistics.interval.ms</c> (1 s unless the client configuration sets it).</summary>
    /// <value>Default <see langword="null"/>: statistics off. Reports arrive on a librdkafka thread; a throwing listener misses that report only.</value>
    public IProgress<KafkaStatistics>? Statistics { get; set; }

    internal IReadOnlyList<string> AllTopics() =>
        (Topic is null ? Topics : Topics.Prepend(Topic)).Distinct(StringComparer.Ordinal).ToList();

    internal KeyFilteredConsumerOptions Clone(string name)
    {
        var copy = (KeyFilteredConsumerOptions)MemberwiseClone();
        copy.Name = name;

        // MemberwiseClone shares the list: give the copy its own, or changing one changes both.
        copy.Topics = new List<string>(Topics);

        return copy;
    }

    internal void Validate()
    {
        const string Type = nameof(KeyFilteredConsumerOptions);
        var topics = AllTopics();
        if (topics.Count == 0)
        {
            throw new ArgumentException($"{Type}.{nameof(Topic)} is not set: name the topic to read (or add topics to {Type}.{nameof(Topics)}).", nameof(Topic));
        }

        foreach (var topic in topics)
        {
            TopicNames.Validate(topic, $"{Type}.{nameof(Topics)}");
        }

        if (string.IsNullOrWhiteSpace(GroupId))
        {
            throw new ArgumentException(
                $"{Type}.{nameof(GroupId)} is not set: give a consumer group id, e.g. \"lab-consumer\" (a rerun in the same group reads only new records; a new group reads everything).",
                nameof(GroupId));
        }

        if (Partitions is not null)
        {
            if (Partitions.Count == 0 || Partitions.Any(p => p < 0) || Partitions.Distinct().Count() != Partitions.Count)
            {
                throw new ArgumentException(
                    $"{Type}.{nameof(Partitions)} must list distinct partition numbers from 0 (was [{string.Join(", ", Partitions)}]); set it to null to subscribe instead.",
                    nameof(Partitions));
            }
        }

        ArgumentNullException.ThrowIfNull(Filter, $"{Type}.{nameof(Filter)}");
        ArgumentNullException.ThrowIfNull(TimeProvider, $"{Type}.{nameof(TimeProvider)}");
        if (MaxRecords is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRecords), MaxRecords, $"{Type}.{nameof(MaxRecords)} must be at least 1 (was {MaxRecords}); use null for no limit.");
        }

        if (IdleTimeout != Timeout.InfiniteTimeSpan && IdleTimeout < KeyFilteredConsumerDefaults.MinIdleTimeout)
        {
            throw new ArgumentOutOfRangeException(
                nameof(IdleTimeout),
                IdleTimeout,
                $"{Type}.{nameof(IdleTimeout)} must be at least 100 ms or Timeout.InfiniteTimeSpan (was {IdleTimeout.TotalMilliseconds} ms).");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException($"{Type}.{nameof(Name)} is empty: name the consumer for reports, e.g. \"consumer0\".", nameof(Name));
        }
    }
}
