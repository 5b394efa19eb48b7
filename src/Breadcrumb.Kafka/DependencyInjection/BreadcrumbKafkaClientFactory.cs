namespace Breadcrumb.Kafka;

/// <summary>
/// Creates Breadcrumb.Kafka clients on the connection and defaults registered with
/// <see cref="BreadcrumbKafkaServiceCollectionExtensions.AddBreadcrumbKafka(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{BreadcrumbKafkaOptions})"/>.
/// </summary>
/// <remarks>
/// <para>Registered as a singleton; thread-safe. Each <c>Create…</c> call returns a new client that the caller owns and
/// disposes (<c>await using</c>), as with <c>IHttpClientFactory</c> or <c>IDbContextFactory</c>: Kafka clients are
/// long-lived and stateful, so the container never shares or disposes them for you.</para>
/// <para>Defaults: a client whose options name no topic gets <see cref="BreadcrumbKafkaOptions.Topic"/>, and a consumer with
/// no group id gets <see cref="BreadcrumbKafkaOptions.GroupId"/>. The clients log librdkafka's lines to the container's
/// <c>ILoggerFactory</c> when there is one.</para>
/// </remarks>
public sealed partial class BreadcrumbKafkaClientFactory
{
    private readonly string? defaultTopic;
    private readonly string? defaultGroupId;
    private readonly IRecordDeleter? recordDeleter;
    private readonly IStoredBytesReporter? storedBytes;

    internal BreadcrumbKafkaClientFactory(
        KafkaConnection connection,
        string? defaultTopic,
        string? defaultGroupId,
        IRecordDeleter? recordDeleter = null,
        IStoredBytesReporter? storedBytes = null)
    {
        Connection = connection;
        this.defaultTopic = defaultTopic;
        this.defaultGroupId = defaultGroupId;
        this.recordDeleter = recordDeleter;
        this.storedBytes = storedBytes;
    }

    /// <summary>Gets the validated connection every client is created on.</summary>
    public KafkaConnection Connection { get; }

    /// <summary>Creates a producer that sends breadcrumb records with a key strategy, delivery reports and a flush policy.</summary>
    /// <param name="configure">Sets the producer's name, keys, flush policy and pacing; runs before the registered topic fills an empty one.</param>
    /// <returns>A new producer; the caller disposes it (which flushes by its policy).</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid (for example no topic anywhere); the message names it.</exception>
    public BreadcrumbProducer CreateProducer(Action<BreadcrumbProducerOptions>? configure = null)
    {
        var options = new BreadcrumbProducerOptions();
        configure?.Invoke(options);
        if (string.IsNullOrEmpty(options.Topic) && defaultTopic is not null)
        {
            options.Topic = defaultTopic;
        }

        return new BreadcrumbProducer(Connection, options);
    }

    /// <summary>Creates a consumer that reads with a filter and stops on a count, idle time or the end of its partitions.</summary>
    /// <param name="configure">Sets what to read, keep and commit; runs after the registered defaults.</param>
    /// <returns>A new consumer; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid (for example no topic or group id anywhere); the message names it.</exception>
    public KeyFilteredConsumer CreateConsumer(Action<KeyFilteredConsumerOptions>? configure = null)
    {
        var options = new KeyFilteredConsumerOptions();
        configure?.Invoke(options);
        if (options.Topic is null && options.Topics.Count == 0)
        {
            options.Topic = defaultTopic;
        }

        options.GroupId ??= defaultGroupId;
        return new KeyFilteredConsumer(Connection, options);
    }

    /// <summary>Creates a topic cleaner: drain (read and discard for a group) or truncate (delete records up to the end).</summary>
    /// <returns>A new cleaner; it holds no client between calls.</returns>
    /// <remarks>Truncation uses the container's <see cref="IRecordDeleter"/> if one is registered (a test broker's hook),
    /// otherwise Kafka's admin API.</remarks>
    public TopicCleaner CreateCleaner() => new(Connection, recordDeleter);

    /// <summary>Creates a topic inspector: per-partition watermarks, message counts, stored bytes where reported, and group lag.</summary>
    /// <returns>A new inspector; it holds no client between calls.</returns>
    /// <remarks>Stored bytes come from the container's <see cref="IStoredBytesReporter"/> if one is registered.</remarks>
    public TopicInspector CreateInspector() => new(Connection, storedBytes);

    /// <summary>Creates a producer that writes batches of records in Kafka transactions and commits or aborts each by a decision.</summary>
    /// <param name="configure">Sets the transactional id (required), topics, batch shape and decision.</param>
    /// <returns>A new transactional producer; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public TransactionalBatchProducer CreateTransactionalProducer(Action<TransactionalBatchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TransactionalBatchOptions();
        configure(options);
        if (options.Topics.Count == 0 && defaultTopic is not null)
        {
            options.Topics.Add(defaultTopic);
        }

        return new TransactionalBatchProducer(Connection, options);
    }
}
