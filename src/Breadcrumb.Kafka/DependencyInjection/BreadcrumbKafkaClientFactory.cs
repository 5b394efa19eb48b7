using System.Collections.Concurrent;
using Breadcrumb.Kafka.Consuming;
using Breadcrumb.Kafka.Producing;
using Breadcrumb.Kafka.Topics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>
/// Creates Kafka clients on the connections registered with <c>AddBreadcrumbKafka</c>: the default one, or a named one.
/// </summary>
/// <remarks>
/// <para>Registered as a singleton; thread-safe. Each <c>Create…</c> call returns a new client that the caller owns and
/// disposes (<c>await using</c>), as with <c>IHttpClientFactory</c> or <c>IDbContextFactory</c>: Kafka clients are
/// long-lived and stateful, so the container never shares or disposes them for you.</para>
/// <para>Defaults: a client whose options name no topic gets <see cref="BreadcrumbKafkaOptions.Topic"/>, and a consumer with
/// no group id gets <see cref="BreadcrumbKafkaOptions.GroupId"/>. The clients log to the container's <c>ILoggerFactory</c>.</para>
/// </remarks>
public sealed class BreadcrumbKafkaClientFactory
{
    private readonly IOptionsMonitor<BreadcrumbKafkaOptions> options;
    private readonly ILoggerFactory? loggerFactory;
    private readonly ConcurrentDictionary<string, Lazy<KafkaConnection>> connections = new(StringComparer.Ordinal);

    internal BreadcrumbKafkaClientFactory(
        IOptionsMonitor<BreadcrumbKafkaOptions> options,
        ILoggerFactory? loggerFactory,
        IRecordDeleter? recordDeleter = null,
        IStoredBytesReporter? storedBytes = null)
    {
        this.options = options;
        this.loggerFactory = loggerFactory;
        RecordDeleter = recordDeleter;
        StoredBytes = storedBytes;
    }

    /// <summary>Gets the default connection (registered without a name).</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each setting.</exception>
    public KafkaConnection Connection => GetConnection(null);

    /// <summary>Gets the topic a client whose options name none gets (default connection).</summary>
    internal string? DefaultTopic => options.Get(Options.DefaultName).Topic;

    /// <summary>Gets the group id a consumer whose options name none gets (default connection).</summary>
    internal string? DefaultGroupId => options.Get(Options.DefaultName).GroupId;

    /// <summary>Gets the registered record deleter (a test broker's hook), if any.</summary>
    internal IRecordDeleter? RecordDeleter { get; }

    /// <summary>Gets the registered stored-bytes reporter, if any.</summary>
    internal IStoredBytesReporter? StoredBytes { get; }

    /// <summary>Gets a registered connection.</summary>
    /// <param name="name">The name given to <c>AddBreadcrumbKafka(name, …)</c>, or <see langword="null"/> for the default.</param>
    /// <returns>The validated connection, logging to the container's logger factory; created once per name.</returns>
    /// <exception cref="OptionsValidationException">The options of that name are invalid or were never registered; the message names each setting.</exception>
    public KafkaConnection GetConnection(string? name = null)
    {
        var key = name ?? Options.DefaultName;
        return connections.GetOrAdd(key, k => new Lazy<KafkaConnection>(() => Create(k))).Value;
    }

    /// <summary>Creates a producer of <typeparamref name="TValue"/> records keyed by <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="configure">Sets the serializers and anything else; an empty topic is filled from the registered options.</param>
    /// <param name="name">The connection's name, or <see langword="null"/> for the default.</param>
    /// <returns>A new producer; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public KafkaProducer<TKey, TValue> CreateProducer<TKey, TValue>(Action<KafkaProducerOptions<TKey, TValue>> configure, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var producerOptions = new KafkaProducerOptions<TKey, TValue>();
        configure(producerOptions);
        if (string.IsNullOrEmpty(producerOptions.Topic) && options.Get(name ?? Options.DefaultName).Topic is { } topic)
        {
            producerOptions.Topic = topic;
        }

        return new KafkaProducer<TKey, TValue>(GetConnection(name), producerOptions);
    }

    /// <summary>Creates a consumer of <typeparamref name="TValue"/> records keyed by <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="configure">Sets the deserializers and anything else; no topics or group id are filled from the registered options.</param>
    /// <param name="name">The connection's name, or <see langword="null"/> for the default.</param>
    /// <returns>A new consumer, subscribed; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public KafkaConsumer<TKey, TValue> CreateConsumer<TKey, TValue>(Action<KafkaConsumerOptions<TKey, TValue>> configure, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var consumerOptions = new KafkaConsumerOptions<TKey, TValue>();
        configure(consumerOptions);
        Fill(consumerOptions, name);
        return new KafkaConsumer<TKey, TValue>(GetConnection(name), consumerOptions);
    }

    /// <summary>Fills an empty topic list and group id from the registered options of <paramref name="name"/>.</summary>
    internal void Fill<TKey, TValue>(KafkaConsumerOptions<TKey, TValue> consumerOptions, string? name)
    {
        var registered = options.Get(name ?? Options.DefaultName);
        if (consumerOptions.Topics.Count == 0 && registered.Topic is { } topic)
        {
            consumerOptions.Topics.Add(topic);
        }

        consumerOptions.GroupId ??= registered.GroupId;
    }

    private KafkaConnection Create(string name)
    {
        var registered = options.Get(name);
        var (connection, message) = BreadcrumbKafkaOptionsValidator.TryValidate(registered, registered.Origin);
        if (connection is null)
        {
            throw new OptionsValidationException(name, typeof(BreadcrumbKafkaOptions), [message!]);
        }

        return connection.WithLoggerFactory(loggerFactory);
    }
}
