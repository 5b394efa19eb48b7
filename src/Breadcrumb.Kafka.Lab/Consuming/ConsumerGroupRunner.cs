using Breadcrumb.Kafka.Logging;
using Breadcrumb.Kafka.Lab.Consuming.Internal;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Runs several <see cref="KeyFilteredConsumer"/>s in one consumer group at the same time (the lab's sections E and H)
/// and reports, per member, the partitions it held and the records it got.
/// </summary>
/// <remarks>
/// Members are held back (their partitions paused) until each holds a partition or <see cref="MemberJoinTimeout"/>
/// passes, so records already in the topic are split between them rather than read by the first to join.
/// Idle and end-of-partition stop conditions count only from then on.
/// </remarks>
public sealed class ConsumerGroupRunner : IAsyncDisposable
{
    private readonly KafkaConnection connection;
    private readonly KeyFilteredConsumerOptions options;
    private readonly List<KeyFilteredConsumer> members = [];
    private readonly TaskCompletionSource assigned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    /// <summary>Initializes a new instance of the <see cref="ConsumerGroupRunner"/> class.</summary>
    /// <param name="connection">Where to connect.</param>
    /// <param name="options">The options every member uses; members are named from <see cref="KeyFilteredConsumerOptions.Name"/> (<c>consumer0</c>, <c>consumer1</c>, …).</param>
    /// <param name="consumerCount">How many members to run, 1 to 64.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid, or <see cref="KeyFilteredConsumerOptions.Partitions"/> is set (a group assigns partitions itself).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="consumerCount"/> is out of range.</exception>
    public ConsumerGroupRunner(KafkaConnection connection, KeyFilteredConsumerOptions options, int consumerCount)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Partitions is not null)
        {
            throw new ArgumentException(
                "KeyFilteredConsumerOptions.Partitions must be null for a ConsumerGroupRunner: the group assigns partitions to its members.", nameof(options));
        }

        if (consumerCount is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(consumerCount), consumerCount, $"consumerCount must be between 1 and 64 (was {consumerCount}).");
        }

        this.connection = connection;
        this.options = options.Clone(options.Name);
        ConsumerCount = consumerCount;
    }

    /// <summary>Gets the number of members.</summary>
    public int ConsumerCount { get; }

    /// <summary>Gets how long members wait for each other before reading anyway.</summary>
    /// <value>The default is 15 seconds.</value>
    public TimeSpan MemberJoinTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Starts every member, waits for all of them to stop and returns their summaries.</summary>
    /// <param name="cancellationToken">Stops every member; their summaries then say <see cref="ConsumeStopReason.Cancelled"/>.</param>
    /// <returns>The group's summary.</returns>
    /// <exception cref="InvalidOperationException">The runner has already run.</exception>
    public async Task<ConsumerGroupSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("This ConsumerGroupRunner has already run; create a new one (the group's commits carry over).");
        }

        var topics = options.AllTopics();
        var partitions = await Task.Run(() => CountPartitions(topics), cancellationToken).ConfigureAwait(false);
        var gate = new GroupStartGate(ConsumerCount, partitions, MemberJoinTimeout, options.TimeProvider);
        _ = gate.WhenOpen.ContinueWith(_ => assigned.TrySetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var prefix = options.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        for (var i = 0; i < ConsumerCount; i++)
        {
            members.Add(new KeyFilteredConsumer(connection, options.Clone($"{(prefix.Length == 0 ? "consumer" : prefix)}{i}")) { Gate = gate, MemberIndex = i });
        }

        var summaries = await Task.WhenAll(members.Select(m => m.RunAsync(cancellationToken))).ConfigureAwait(false);
        return new ConsumerGroupSummary(options.GroupId!, summaries);
    }

    /// <summary>Waits until every member holds a partition (or the join timeout passed), e.g. before producing as in the lab's section E.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the members may read.</returns>
    public Task WaitForAssignmentAsync(CancellationToken cancellationToken = default) => assigned.Task.WaitAsync(cancellationToken);

    /// <summary>Stops members still running and waits for their clients to close.</summary>
    /// <returns>A task that completes when every member has closed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (var member in members)
        {
            await member.DisposeAsync().ConfigureAwait(false);
        }
    }

    private int CountPartitions(IReadOnlyList<string> topics)
    {
        using var admin = new AdminClientBuilder(connection.CreateAdminConfig()).WithLogging(connection.CreateLogger<ConsumerGroupRunner>()).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        return metadata.Topics.Where(t => topics.Contains(t.Topic, StringComparer.Ordinal)).Sum(t => t.Partitions.Count);
    }
}
