namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Creates the lab's clients (breadcrumb producer, key-filtered consumer, topic cleaner and inspector, transactional
/// batches) from a <see cref="BreadcrumbKafkaClientFactory"/>, on its connection and registered defaults.
/// </summary>
public static class BreadcrumbKafkaClientFactoryExtensions
{
    /// <summary>Creates a producer that sends breadcrumb records with a key strategy, delivery reports and a flush policy.</summary>
    /// <param name="factory">The registered factory.</param>
    /// <param name="configure">Sets the producer's name, keys, flush policy and pacing; runs before the registered topic fills an empty one.</param>
    /// <returns>A new producer; the caller disposes it (which flushes by its policy).</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid (for example no topic anywhere); the message names it.</exception>
    public static BreadcrumbProducer CreateProducer(this BreadcrumbKafkaClientFactory factory, Action<BreadcrumbProducerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var options = new BreadcrumbProducerOptions();
        configure?.Invoke(options);
        if (string.IsNullOrEmpty(options.Topic) && factory.DefaultTopic is not null)
        {
            options.Topic = factory.DefaultTopic;
        }

        return new BreadcrumbProducer(factory.Connection, options);
    }

    /// <summary>Creates a consumer that reads with a filter and stops on a count, idle time or the end of its partitions.</summary>
    /// <param name="factory">The registered factory.</param>
    /// <param name="configure">Sets what to read, keep and commit; runs after the registered defaults.</param>
    /// <returns>A new consumer; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">An option is missing or invalid (for example no topic or group id anywhere); the message names it.</exception>
    public static KeyFilteredConsumer CreateConsumer(this BreadcrumbKafkaClientFactory factory, Action<KeyFilteredConsumerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var options = new KeyFilteredConsumerOptions();
        configure?.Invoke(options);
        if (options.Topic is null && options.Topics.Count == 0)
        {
            options.Topic = factory.DefaultTopic;
        }

        options.GroupId ??= factory.DefaultGroupId;
        return new KeyFilteredConsumer(factory.Connection, options);
    }

    /// <summary>Creates a topic cleaner: drain (read and discard for a group) or truncate (delete records up to the end).</summary>
    /// <returns>A new cleaner; it holds no client between calls.</returns>
    /// <remarks>Truncation uses the container's <see cref="IRecordDeleter"/> if one is registered (a test broker's hook),
    /// otherwise Kafka's admin API.</remarks>
    public static TopicCleaner CreateCleaner(this BreadcrumbKafkaClientFactory factory) =>
        new(Factory(factory).Connection, factory.RecordDeleter);

    /// <summary>Creates a topic inspector: per-partition watermarks, message counts, stored bytes where reported, and group lag.</summary>
    /// <returns>A new inspector; it holds no client between calls.</returns>
    /// <remarks>Stored bytes come from the container's <see cref="IStoredBytesReporter"/> if one is registered.</remarks>
    public static TopicInspector CreateInspector(this BreadcrumbKafkaClientFactory factory) =>
        new(Factory(factory).Connection, factory.StoredBytes);

    /// <summary>Creates a producer that writes batches of records in Kafka transactions and commits or aborts each by a decision.</summary>
    /// <param name="factory">The registered factory.</param>
    /// <param name="configure">Sets the transactional id (required), topics, batch shape and decision.</param>
    /// <returns>A new transactional producer; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public static TransactionalBatchProducer CreateTransactionalProducer(this BreadcrumbKafkaClientFactory factory, Action<TransactionalBatchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TransactionalBatchOptions();
        configure(options);
        if (options.Topics.Count == 0 && factory.DefaultTopic is not null)
        {
            options.Topics.Add(factory.DefaultTopic);
        }

        return new TransactionalBatchProducer(factory.Connection, options);
    }

    private static BreadcrumbKafkaClientFactory Factory(BreadcrumbKafkaClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory;
    }
}
